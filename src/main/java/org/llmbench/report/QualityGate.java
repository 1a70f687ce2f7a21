package org.llmbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.llmbench.record.RecordReader;
import org.llmbench.record.RunFolders;

/**
 * The build's quality gate ({@code -Dbench.minScore=70}): judges the run of this invocation, read from its ledger,
 * and fails when any model's weighted total is below the minimum, when it scored no question at all, or when lines
 * of its ledger are no event (a total without them may leave out what would fail). Maven runs it after the benchmark
 * through the file the engine writes at the end of the run ({@code bench.runPointer}, read by
 * {@code cli.QualityGateMain}); the CLI calls {@link #verdict(Path, double, Consumer)} on the folder it ran. Failed
 * questions alone never fail the build. The gate prints nothing itself: its caller shows its line.
 */
public final class QualityGate {

    private QualityGate() {
    }

    /** Why the gate fails for the run the pointer names, if it does; no pointer means this build ran nothing. */
    public static Optional<String> verdictOfPointer(Path pointer, double minScore, Consumer<String> lines)
            throws IOException {
        if (!Files.isRegularFile(pointer)) {
            return Optional.of("quality gate: FAILED: this build ran no llm-bench run (nothing selected, or the run "
                    + "did not finish), so there is no score to check against the minimum " + minScore);
        }
        return verdict(Path.of(Files.readString(pointer).trim()), minScore, lines);
    }

    /**
     * Why the gate fails for a run folder, if it does: a model whose weighted total is below the minimum (or is not a
     * number), or no question scored. Every model is held to the minimum on its own; there is no total across models.
     */
    public static Optional<String> verdict(Path runFolder, double minScore) throws IOException {
        return verdict(runFolder, minScore, line -> {
        });
    }

    /** {@link #verdict(Path, double)}, telling {@code lines} each model's total against the minimum when it judged them. */
    public static Optional<String> verdict(Path runFolder, double minScore, Consumer<String> lines) throws IOException {
        if (!(minScore >= 0 && minScore <= 100)) {
            return Optional.of("quality gate: FAILED: the minimum " + minScore + " is not a number from 0 to 100");
        }
        Path ledger = runFolder.resolve(RunFolders.LEDGER);
        if (!Files.isRegularFile(ledger)) {
            return Optional.of("quality gate: FAILED: no ledger in " + runFolder);
        }
        RunSummary summary = RunSummary.of(ledger);
        RecordReader.Reading reading = summary.reading();
        if (!reading.clean()) {
            // A total over the lines that could be read may leave out a score that would fail the gate.
            return Optional.of("quality gate: FAILED: " + reading.problemCount() + " line(s) of the ledger are no event, "
                    + "so no total of this run is whole; first: " + reading.problems().get(0));
        }
        if (summary.scored() == 0) {
            return Optional.of("quality gate: FAILED: the run " + runFolder + " scored no question");
        }
        List<String> below = new ArrayList<>();
        StringBuilder line = new StringBuilder("quality gate: minimum ")
                .append(String.format(Locale.ROOT, "%.2f", minScore)).append(':');
        for (RunSummary.ModelTotal total : summary.modelTotals()) {
            line.append(String.format(Locale.ROOT, " %s %s over %d scored;", total.model(),
                    RunSummary.twoDecimals(total.score()), total.scored()));
            // Written so that NaN fails: a total that cannot be computed never passes a gate.
            if (!(total.score() >= minScore)) {
                below.add(total.model() + " (" + RunSummary.twoDecimals(total.score()) + ")");
            }
        }
        line.setLength(line.length() - 1);
        lines.accept("[llm-bench] " + line);
        return below.isEmpty() ? Optional.empty()
                : Optional.of(line + ": FAILED: below the minimum: " + String.join(", ", below));
    }
}
