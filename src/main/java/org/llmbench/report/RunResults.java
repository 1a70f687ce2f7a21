package org.llmbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.llmbench.json.Json;

/**
 * results.json read back (the file {@link ResultsWriter} writes from {@link ResultsFile}'s records): what the
 * commands print of a finished run. Read as a tree, not by Jackson's data binding, which costs 30-70 ms of CPU the
 * first time in a run that reads it once (docs/PERFORMANCE.md); {@code RunResultsTest} reads back what the writer
 * wrote, so the names here cannot drift from the writer's. Fields a reader does not need are ignored, and a number
 * the writer could not write (null) reads as 0.
 */
public record RunResults(String runId, String configHash, List<Task> tasks, Summary summary) {

    /** The file name in the run folder. */
    public static final String FILE = ResultsWriter.FILE;

    public RunResults {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        summary = summary == null ? new Summary(0, 0, 0) : summary;
    }

    /** One test's final outcome; a number the writer could not write (not finite, no call) reads as 0. */
    public record Task(String taskId, String model, double score, double weight, double weightedScore, boolean passed,
                       long latencyMs, String errorKind) {

        /** True when the test's call failed (the error kind says how). */
        public boolean failed() {
            return errorKind != null;
        }
    }

    /** The run's counts. */
    public record Summary(int tasks, int passed, int notReplayable) {
    }

    /** Reads a run folder's results.json. */
    public static RunResults read(Path file) throws IOException {
        JsonNode root = Json.MAPPER.readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": not a JSON object");
        }
        List<Task> tasks = new ArrayList<>();
        for (JsonNode t : root.path("tasks")) {
            JsonNode error = t.path("error_kind");
            tasks.add(new Task(t.path("task_id").asText(null), t.path("model").asText(null), t.path("score").asDouble(0),
                    t.path("weight").asDouble(0), t.path("weighted_score").asDouble(0), t.path("passed").asBoolean(false),
                    t.path("latency_ms").asLong(0), error.isTextual() ? error.asText() : null));
        }
        JsonNode summary = root.path("summary");
        return new RunResults(root.path("run_id").asText(null), root.path("config_hash").asText(null), tasks,
                summary.isObject() ? new Summary(summary.path("tasks").asInt(0), summary.path("passed").asInt(0),
                        summary.path("not_replayable").asInt(0)) : null);
    }
}
