package org.llmbench.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.llmbench.json.Json;

/**
 * results.json read back (the file {@link ResultsWriter} writes from {@link ResultsFile}'s records): what the
 * commands print of a finished run. Jackson cannot read {@code @JsonUnwrapped} record components back, so the
 * unwrapped parts are flat here; names follow the same snake-case rule, so writer and reader agree by construction
 * ({@code RunResultsTest} reads back what the writer wrote). Fields a reader does not need are ignored.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunResults(String runId, String configHash, List<Task> tasks, Summary summary) {

    /** The file name in the run folder. */
    public static final String FILE = ResultsWriter.FILE;

    public RunResults {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        summary = summary == null ? new Summary(0, 0, 0) : summary;
    }

    /** One test's final outcome; a number the writer could not write (not finite, no call) reads as 0. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Task(String taskId, String model, double score, double weight, double weightedScore, boolean passed,
                       long latencyMs, String errorKind) {

        /** True when the test's call failed (the error kind says how). */
        public boolean failed() {
            return errorKind != null;
        }
    }

    /** The run's counts. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(int tasks, int passed, int notReplayable) {
    }

    /** Reads a run folder's results.json. */
    public static RunResults read(Path file) throws IOException {
        return Json.MAPPER.readValue(file.toFile(), RunResults.class);
    }
}
