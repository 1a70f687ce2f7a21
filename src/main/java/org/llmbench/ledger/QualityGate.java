package org.llmbench.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The build's quality gate ({@code -Dbench.minScore=70}): judges the run of this invocation, read from its ledger,
 * and fails when its weighted total is below the minimum or when it scored no question at all. Maven runs it
 * after the benchmark through the file the engine writes at the end of the run ({@code bench.runPointer}); the
 * CLI calls {@link #verdict(Path, double)} on the folder it ran. Failed questions alone never fail the build.
 */
public final class QualityGate {

    private QualityGate() {
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
        Optional<String> failure = verdictOfPointer(Path.of(args[0]), minimum);
        if (failure.isPresent()) {
            // exec:java turns an exception from main into a build failure with this message.
            throw new IllegalStateException(failure.get());
        }
    }

    /** Why the gate fails for the run the pointer names, if it does; no pointer means this build ran nothing. */
    static Optional<String> verdictOfPointer(Path pointer, double minScore) throws IOException {
        if (!Files.isRegularFile(pointer)) {
            return Optional.of("quality gate: FAILED: this build ran no llm-bench run (nothing selected, or the run "
                    + "did not finish), so there is no score to check against the minimum " + minScore);
        }
        return verdict(Path.of(Files.readString(pointer).trim()), minScore);
    }

    /** Why the gate fails for a run folder, if it does: a total below the minimum, or no question scored. */
    public static Optional<String> verdict(Path runFolder, double minScore) throws IOException {
        if (!(minScore >= 0 && minScore <= 100)) {
            return Optional.of("quality gate: FAILED: the minimum " + minScore + " is not a number from 0 to 100");
        }
        Path ledger = runFolder.resolve("run.jsonl");
        if (!Files.isRegularFile(ledger)) {
            return Optional.of("quality gate: FAILED: no ledger in " + runFolder);
        }
        RunSummary summary = RunSummary.of(ledger);
        if (summary.scored() == 0) {
            return Optional.of("quality gate: FAILED: the run " + runFolder + " scored no question");
        }
        if (!Double.isFinite(summary.total())) {
            // NaN < minimum is false: without this a total that cannot be computed would pass every gate.
            return Optional.of("quality gate: FAILED: the weighted total of " + runFolder + " is not a number ("
                    + summary.total() + "), so it cannot be checked against the minimum " + minScore);
        }
        String line = String.format(Locale.ROOT, "quality gate: weighted total %.2f over %d scored, minimum %.2f",
                summary.total(), summary.scored(), minScore);
        System.out.println("[llm-bench] " + line);
        return summary.total() < minScore ? Optional.of(line + ": FAILED") : Optional.empty();
    }
}
