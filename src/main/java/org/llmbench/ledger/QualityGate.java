package org.llmbench.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The build's quality gate ({@code -Dbench.minScore=70}): reads the newest run's results.json and fails when
 * its weighted total is below the minimum. Maven runs it after the benchmark; failed questions alone never
 * fail the build.
 */
public final class QualityGate {

    private QualityGate() {
    }

    /** Arguments: the bench.out folder, then the minimum score (empty: no gate). */
    public static void main(String[] args) throws IOException {
        String min = args.length > 1 && args[1] != null ? args[1].trim() : "";
        if (min.isEmpty()) {
            return;
        }
        String verdict = verdict(Path.of(args[0]), Double.parseDouble(min));
        if (verdict != null) {
            // exec:java turns an exception from main into a build failure with this message.
            throw new IllegalStateException(verdict);
        }
    }

    /** Null when the gate passes; otherwise why it failed. */
    static String verdict(Path out, double minScore) throws IOException {
        Path pointer = out.resolve(RunFolders.LATEST);
        if (!Files.exists(pointer)) {
            return "quality gate: no run found under " + out;
        }
        Path results = Path.of(Files.readString(pointer).trim()).resolve("results.json");
        if (!Files.exists(results)) {
            return "quality gate: the run did not finish (no " + results + ")";
        }
        JsonNode summary = JsonSupport.MAPPER.readTree(results.toFile()).path("summary");
        double score = summary.path("score_percent").asDouble();
        String line = String.format(Locale.ROOT, "quality gate: weighted total %.2f, minimum %.2f", score, minScore);
        System.out.println("[llm-bench] " + line);
        return score < minScore ? line + ": FAILED" : null;
    }
}
