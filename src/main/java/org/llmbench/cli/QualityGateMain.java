package org.llmbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.llmbench.report.QualityGate;

/**
 * The Maven build's quality gate (exec:java after the benchmark, {@code -Dbench.minScore=70}): {@link QualityGate}'s
 * verdict on the run the pointer file names, its line on standard output, a failure as the build's.
 */
public final class QualityGateMain {

    private QualityGateMain() {
    }

    /** Arguments: the run pointer file of this invocation, then the minimum score (empty: no gate). */
    public static void main(String[] args) throws IOException {
        String min = args.length > 1 && args[1] != null ? args[1].trim() : "";
        if (min.isEmpty()) {
            return;
        }
        double minimum;
        try {
            minimum = Double.parseDouble(min);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("quality gate: FAILED: bench.minScore '" + min + "' is not a number from 0 to 100");
        }
        Optional<String> failure = QualityGate.verdictOfPointer(Path.of(args[0]), minimum, System.out::println);
        if (failure.isPresent()) {
            // exec:java turns an exception from main into a build failure with this message.
            throw new IllegalStateException(failure.get());
        }
    }
}
