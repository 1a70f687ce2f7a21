package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.llmbench.json.Json;
import org.llmbench.testing.BenchLauncher;

/** The tools phase in the engine: one test per tool task under [suite:tools], the oracle 100, junk 0, replayable. */
class ToolEngineTest {

    @TempDir
    Path out;

    private static EngineExecutionResults run(String model, String suite, String folder, String... more) {
        List<String> kv = new ArrayList<>(List.of("bench.model", model, "bench.phases", "tools", "bench.out", folder));
        kv.addAll(List.of(more));
        return EngineKits.mock(kv.toArray(String[]::new)).selectors(selectUniqueId(org.junit.platform.engine.UniqueId
                .forEngine("llm-bench").append("model", model).append("suite", suite))).execute();
    }

    private static List<JsonNode> events(Path out, String event) throws Exception {
        Path folder = BenchLauncher.latestRun(out);
        List<JsonNode> found = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("run.jsonl"))) {
            JsonNode node = Json.MAPPER.readTree(line);
            if (node.path("event").asText().equals(event)) {
                found.add(node);
            }
        }
        return found;
    }

    @Test
    void theOracleScores100InEveryCategoryThroughTheToolApiAndTheCallsAreRecorded() throws Exception {
        EngineExecutionResults results = run("mock", "tools", out.toString());
        results.testEvents().assertStatistics(s -> s.started(12).succeeded(12).failed(0));
        var first = results.testEvents().started().list().get(0).getTestDescriptor();
        assertThat(first.getUniqueId().toString()).isEqualTo("[engine:llm-bench]/[model:mock]/[suite:tools]/[task:tools-simple-01]");
        assertThat(first.getTags()).extracting(t -> t.getName()).containsExactly("tools", "simple");
        List<JsonNode> scores = events(out, "score");
        assertThat(scores).hasSize(12).allSatisfy(s -> assertThat(s.path("score").asDouble()).isEqualTo(100.0));
        assertThat(scores).extracting(s -> s.path("ref").isMissingNode() ? s.path("category").asText() : s.path("ref").path("category").asText())
                .isNotEmpty();
        List<JsonNode> calls = events(out, "call");
        // Two calls for each of the two result tasks (the call, then the answer using its result), one for the others;
        // every first turn but the two irrelevant ones made calls.
        assertThat(calls).hasSize(14);
        assertThat(calls).filteredOn(c -> c.has("tool_calls")).hasSize(10);
        JsonNode parallel = calls.stream().filter(c -> c.toString().contains("tools-parallel-01")).findFirst().orElseThrow();
        assertThat(parallel.path("tool_calls")).hasSize(3);
        assertThat(parallel.path("tool_calls").get(0).path("name").asText()).isEqualTo("get_weather");
        JsonNode resultTurn = calls.stream().filter(c -> c.toString().contains("tools-result-01")).skip(1).findFirst().orElseThrow();
        assertThat(resultTurn.path("messages")).extracting(m -> m.path("role").asText()).containsExactly("user", "assistant", "tool");
        JsonNode resultScore = scores.stream().filter(s -> s.toString().contains("tools-result-01")).findFirst().orElseThrow();
        assertThat(resultScore.toString()).contains("final answer uses the result", "\"mode\":\"native\"");
    }

    @Test
    void junkScoresZeroEverywhereAndEveryCheckSaysWhy() throws Exception {
        EngineExecutionResults results = run("mock:junk", "tools", out.toString());
        results.testEvents().assertStatistics(s -> s.started(12).failed(12));
        List<JsonNode> scores = events(out, "score");
        assertThat(scores).hasSize(12).allSatisfy(s -> {
            assertThat(s.path("score").asDouble()).as(s.toString()).isZero();
            s.path("checks").forEach(c -> assertThat(c.path("reason").asText()).isNotBlank());
        });
    }

    @Test
    void promptedModeIsASuiteOfItsOwnScoredTheSameWay() throws Exception {
        EngineExecutionResults oracle = run("mock", "tools-prompted", out.resolve("o").toString(), "bench.toolMode", "prompted");
        oracle.testEvents().assertStatistics(s -> s.started(12).succeeded(12));
        List<JsonNode> calls = events(out.resolve("o"), "call");
        assertThat(calls).noneMatch(c -> c.has("tool_calls"));
        assertThat(calls.get(0).path("messages").get(0).path("content").asText()).contains("You can call these functions");
        assertThat(events(out.resolve("o"), "score").get(0).toString()).contains("\"mode\":\"prompted\"");
        EngineExecutionResults junk = run("mock:junk", "tools-prompted", out.resolve("j").toString(), "bench.toolMode", "prompted");
        junk.testEvents().assertStatistics(s -> s.started(12).failed(12));
        assertThat(events(out.resolve("j"), "score")).allSatisfy(s -> assertThat(s.path("score").asDouble()).isZero());
    }

    @Test
    void aReplayedToolsRunReScoresTheRecordedCalls() throws Exception {
        BenchLauncher.run(Map.of("bench.model", "mock,mock:junk", "bench.phases", "tools",
                "bench.out", out.resolve("original").toString()));
        Path original = BenchLauncher.latestRun(out.resolve("original"));
        BenchLauncher.run(Map.of("bench.replay", original.resolve("run.jsonl").toString(),
                "bench.out", out.resolve("replay").toString()));
        Path replayed = BenchLauncher.latestRun(out.resolve("replay"));
        JsonNode before = Json.MAPPER.readTree(original.resolve("results.json").toFile());
        JsonNode after = Json.MAPPER.readTree(replayed.resolve("results.json").toFile());
        assertThat(after.path("summary").path("not_replayable").asInt()).isZero();
        assertThat(after.path("summary").path("tasks").asInt()).isEqualTo(24);
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        before.path("tasks").forEach(t -> a.add(t.path("score").asDouble()));
        after.path("tasks").forEach(t -> b.add(t.path("score").asDouble()));
        assertThat(b).isEqualTo(a).contains(100.0, 0.0);
    }
}
