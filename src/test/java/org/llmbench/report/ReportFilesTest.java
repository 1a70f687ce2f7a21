package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.json.Json;
import org.llmbench.testing.BenchLauncher;

/** The files a run leaves beside its ledger: metadata.json, report.md, results.json and the leaderboard. */
class ReportFilesTest {

    @TempDir
    Path out;

    private Path run() throws Exception {
        BenchLauncher.run(Map.of("bench.model", "mock,mock:junk", "bench.phases", "hello,5q", "bench.out", out.toString()));
        return BenchLauncher.latestRun(out);
    }

    @Test
    void aRunWritesMetadataAReportAndALeaderboardEntryAndTheNextRunGetsARank() throws Exception {
        Path first = run();
        JsonNode metadata = Json.MAPPER.readTree(first.resolve("metadata.json").toFile());
        JsonNode mock5q = metadata.path("models").path("mock").path("phases").path("5q");
        assertThat(mock5q.path("score").asDouble()).isEqualTo(100.0);
        assertThat(mock5q.path("tests").asInt()).isEqualTo(5);
        assertThat(mock5q.path("passed").asInt()).isEqualTo(5);
        assertThat(mock5q.path("latency_ms").path("n").asInt()).isEqualTo(5);
        assertThat(mock5q.path("latency_ms").fieldNames()).toIterable().contains("p50", "p90", "p95", "p99");
        assertThat(mock5q.path("completion_tokens_per_s").has("p50")).isTrue();
        assertThat(metadata.path("models").path("mock:junk").path("score").asDouble()).isEqualTo(0.0);
        String report = Files.readString(first.resolve("report.md"));
        assertThat(report).contains("| mock | 5q | 5 | 5 | 100.0 |").contains("## Below the pass mark")
                .containsPattern("mock:junk / 5q / Q0\\d");
        assertThat(Json.MAPPER.readTree(first.resolve("results.json").toFile()).has("percentile_rank")).isFalse();

        Path second = run();
        JsonNode board = Json.MAPPER.readTree(out.resolve("leaderboard.json").toFile());
        assertThat(board.path("runs")).hasSize(4);
        JsonNode entry = board.path("runs").get(3);
        assertThat(entry.path("run_id").asText()).isEqualTo(second.getFileName().toString().substring(4));
        assertThat(entry.fieldNames()).toIterable().contains("date", "model", "provider", "device", "score", "config_hash");
        JsonNode rank = Json.MAPPER.readTree(second.resolve("results.json").toFile()).path("percentile_rank");
        // the same scores as the one earlier run: a tie, so the 50th percentile
        assertThat(rank.path("mock").path("percentile").asDouble()).isEqualTo(50.0);
        assertThat(rank.path("mock:junk").path("earlier_runs").asInt()).isEqualTo(1);
        assertThat(Files.readString(second.resolve("report.md"))).contains("percentile rank 50.0 among 1 earlier");
    }
}
