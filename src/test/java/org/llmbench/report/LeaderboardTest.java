package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.json.Json;

class LeaderboardTest {

    @TempDir
    Path dir;

    private static Leaderboard.Entry entry(String run, String model, double score, String hash) {
        return new Leaderboard.Entry(run, "2026-01-01T00:00:00Z", model, "mock", "cpu", List.of("hello", "5q"), score, 2, 1,
                hash, "1.0");
    }

    private static final Consumer<String> QUIET = line -> {
        throw new AssertionError("a sound board is no problem: " + line);
    };

    @Test
    void appendsRunsAndRanksAmongComparableOnesOnly() throws Exception {
        Path board = dir.resolve("leaderboard.json");
        assertThat(Leaderboard.append(board, List.of(entry("r1", "m", 40, "h")), QUIET)).isEmpty();
        Leaderboard.append(board, List.of(entry("r2", "m", 60, "h"), entry("r2", "other", 99, "h")), QUIET);
        Leaderboard.append(board, List.of(entry("r3", "m", 90, "different-config")), QUIET);
        Map<String, Leaderboard.Rank> ranks = Leaderboard.append(board, List.of(entry("r4", "m", 60, "h")), QUIET);
        // among r1 (40) and r2 (60): one below, one equal -> (1 + 0.5) / 2 = 75
        assertThat(ranks).containsOnlyKeys("m");
        assertThat(ranks.get("m").percentile()).isEqualTo(75);
        assertThat(ranks.get("m").earlierRuns()).isEqualTo(2);
        assertThat(Json.MAPPER.readTree(board.toFile()).path("runs")).hasSize(5);
    }

    @Test
    void aResumedRunReplacesItsOwnEntryAndADamagedBoardIsKeptAside() throws Exception {
        Path board = dir.resolve("leaderboard.json");
        Leaderboard.append(board, List.of(entry("r1", "m", 40, "h")), QUIET);
        Leaderboard.append(board, List.of(entry("r1", "m", 80, "h")), QUIET);
        JsonNode runs = Json.MAPPER.readTree(board.toFile()).path("runs");
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).path("score").asDouble()).isEqualTo(80);

        Files.writeString(board, "{not json");
        List<String> problems = new ArrayList<>();
        Leaderboard.append(board, List.of(entry("r2", "m", 10, "h")), problems::add);
        assertThat(problems).singleElement().asString().startsWith("[llm-bench] " + board + " was not a leaderboard; moved to ")
                .endsWith(", starting a new one");
        assertThat(Json.MAPPER.readTree(board.toFile()).path("runs")).hasSize(1);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("leaderboard.json.damaged-"));
        }
    }
}
