package org.llmbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.llmbench.record.ManifestCodec;
import org.llmbench.record.RunFolders;
import org.llmbench.report.BaselineProblem;
import org.llmbench.report.GateSettings;
import org.llmbench.report.QualityGate;
import org.llmbench.report.RegressionGate;

/**
 * The Maven build's quality gates (exec:java after the benchmark): {@link QualityGate}'s minimum
 * ({@code -Dbench.minScore=70}) and {@link RegressionGate} against the baseline the run recorded
 * ({@code -Dbench.baseline=RUN}), on the run the pointer file names; a failure, or a baseline the run cannot be paired
 * with, fails the build with the reason. The engine has already shown the regression gate's lines in the test output;
 * the same ledgers give the same verdict here.
 */
public final class QualityGateMain {

    private QualityGateMain() {
    }

    /**
     * Arguments: the run pointer file of this invocation, the minimum score (empty: no minimum), and the baseline given
     * to Maven (empty: none given; the run's recorded settings are what is judged, this only tells that a gate was asked
     * for when no run was recorded).
     */
    public static void main(String[] args) throws IOException {
        Path pointer = Path.of(args[0]);
        String min = args.length > 1 && args[1] != null ? args[1].trim() : "";
        boolean baselineGiven = args.length > 2 && args[2] != null && !args[2].isBlank();
        Optional<String> failure = Optional.empty();
        if (!min.isEmpty()) {
            double minimum;
            try {
                minimum = Double.parseDouble(min);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("quality gate: FAILED: bench.minScore '" + min + "' is not a number from 0 to 100");
            }
            failure = QualityGate.verdictOfPointer(pointer, minimum, System.out::println);
        }
        if (failure.isEmpty()) {
            failure = regression(pointer, baselineGiven);
        }
        if (failure.isPresent()) {
            // exec:java turns an exception from main into a build failure with this message.
            throw new IllegalStateException(failure.get());
        }
    }

    /** Why the regression gate fails the run the pointer names, if it does. */
    static Optional<String> regression(Path pointer, boolean baselineGiven) throws IOException {
        if (!Files.isRegularFile(pointer)) {
            return baselineGiven ? Optional.of("regression gate: FAILED: this build ran no llm-bench run (nothing selected,"
                    + " an unreadable bench.baseline, or the run did not finish: see the test output), so there is nothing"
                    + " to hold to the baseline") : Optional.empty();
        }
        Path folder = Path.of(Files.readString(pointer).trim());
        GateSettings settings = GateSettings.of(ManifestCodec.read(folder.resolve(RunFolders.MANIFEST)).settingValues());
        if (settings == null) {
            return Optional.empty();
        }
        try {
            RegressionGate.Verdict verdict = RegressionGate.judge(folder, settings);
            System.out.println("[llm-bench] " + verdict.lines().get(verdict.lines().size() - 1));
            return verdict.failure();
        } catch (BaselineProblem refused) {
            return Optional.of("regression gate: FAILED: the run cannot be paired with its baseline: "
                    + String.join("; ", refused.reasons()));
        }
    }
}
