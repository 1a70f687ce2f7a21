package org.llmbench.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.json.Json;
import org.llmbench.testing.BenchLauncher;

/**
 * Replaying the golden plain run today gives the golden replayed run (written by the harness before the record was
 * typed): the same results, and a ledger with the same lines but for the times and the run id.
 */
class GoldenReplayTest {

    private static final Path GOLDEN = GoldenLedgerTest.GOLDEN;

    @TempDir
    Path out;

    private static Path only(Path dir) throws Exception {
        try (Stream<Path> runs = Files.list(dir)) {
            return runs.filter(p -> p.getFileName().toString().startsWith("run-")).findFirst().orElseThrow();
        }
    }

    @Test
    void replayingTheGoldenPlainRunGivesTheGoldenReplayedRun() throws Exception {
        BenchLauncher.run(Map.of("bench.replay", only(GOLDEN.resolve("plain")).resolve("run.jsonl").toString(),
                "bench.out", out.toString()));
        Path now = BenchLauncher.latestRun(out);
        Path was = only(GOLDEN.resolve("replayed"));
        JsonNode results = Json.MAPPER.readTree(now.resolve("results.json").toFile());
        JsonNode expected = Json.MAPPER.readTree(was.resolve("results.json").toFile());
        for (String part : List.of("tasks", "summary", "models", "suites")) {
            assertThat(results.path(part)).as(part).isEqualTo(expected.path(part));
        }
        List<String> lines = Files.readAllLines(now.resolve("run.jsonl"));
        List<String> golden = Files.readAllLines(was.resolve("run.jsonl"));
        assertThat(lines).hasSameSizeAs(golden);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(comparable(lines.get(i))).as("line %d", i + 1).isEqualTo(comparable(golden.get(i)));
        }
    }

    /**
     * The line without what differs from run to run: its time, the run id, a run's duration, and the sandbox layers
     * this machine and user give a code answer (the golden run was made as root, where a separate uid is one; a
     * normal user's run has none).
     */
    private static String comparable(String line) {
        return line.replaceFirst("\"ts\":\"[^\"]*\"", "").replaceFirst("\"run_id\":\"[^\"]*\"", "")
                .replaceFirst("\"duration_ms\":\\d+", "").replaceFirst("\"sandbox_layers\":\\[[^\\]]*\\]", "");
    }
}
