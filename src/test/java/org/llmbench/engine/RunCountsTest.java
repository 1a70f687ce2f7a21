package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmbench.model.ModelClients;
import org.llmbench.testing.FakeModelServer;

/** One count, one definition: what a run plans, runs and records agree, edge_append's turns included. */
class RunCountsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private record Run(Path folder, List<JsonNode> events, JsonNode manifest) {
        JsonNode first(String event) {
            return events.stream().filter(e -> e.path("event").asText().equals(event)).findFirst().orElseThrow();
        }

        long count(String event) {
            return events.stream().filter(e -> e.path("event").asText().equals(event)).count();
        }
    }

    private static Run run(String... keyValues) throws Exception {
        String out = EngineKits.freshOut();
        List<String> parameters = new ArrayList<>(List.of(keyValues));
        parameters.addAll(List.of("bench.out", out));
        EngineKits.mock(parameters.toArray(String[]::new)).selectors(selectClass(EngineKits.ENTRY_CLASS)).execute();
        Path folder = Path.of(Files.readString(Path.of(out, "latest-run.txt")).trim());
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("run.jsonl"))) {
            events.add(MAPPER.readTree(line));
        }
        return new Run(folder, events, MAPPER.readTree(folder.resolve("manifest.json").toFile()));
    }

    @Test
    void plannedTestsIncludeTheTurnsEdgeAppendAddsAsItRuns() throws Exception {
        Run run = run("bench.phases", "hello,edge_append");
        JsonNode start = run.first("run_start");
        assertThat(start.path("tests_planned").asLong()).isEqualTo(13);
        assertThat(start.path("tests_added_at_run_time").asLong()).isEqualTo(12);
        assertThat(run.manifest().path("tests_planned").asLong()).isEqualTo(13);
        assertThat(run.manifest().path("tests_added_at_run_time").asLong()).isEqualTo(12);
        assertThat(run.count("test_end")).isEqualTo(13);
    }

    @Test
    void edgeAppendAloneRuns() throws Exception {
        Run run = run("bench.phases", "edge_append");
        assertThat(run.first("run_start").path("tests_planned").asLong()).isEqualTo(12);
        assertThat(run.count("test_end")).isEqualTo(12);
    }

    @Test
    void theManifestRecordsTheLanesEachPhaseRan() throws Exception {
        Run run = run("bench.phases", "hello,parallel_same,edge_append", "bench.lanes", "3");
        JsonNode lanes = run.manifest().path("phase_lanes");
        assertThat(lanes.path("hello").path("lanes").asInt()).isEqualTo(1);
        assertThat(lanes.path("edge_append").path("lanes").asInt()).isEqualTo(1);
        assertThat(lanes.path("parallel_same").path("lanes").asInt()).isGreaterThan(1);
    }

    @Test
    void theServerIsAskedForItsModelsOncePerRun() throws Exception {
        try (FakeModelServer server = new FakeModelServer(FakeModelServer.llamaServer(r -> "Hello!"))) {
            EngineKits.engine(new LlmBenchTestEngine(ModelClients::create))
                    .enableImplicitConfigurationParameters(false)
                    .configurationParameter("bench.model", FakeModelServer.LLAMA_SERVER_ID)
                    .configurationParameter("bench.url", server.openAiUrl())
                    .configurationParameter("bench.phases", "hello")
                    .configurationParameter("bench.preflight", "true")
                    .selectors(selectClass(EngineKits.ENTRY_CLASS)).execute();
            assertThat(server.requests()).filteredOn(r -> r.path().endsWith("/models")).hasSize(1);
            assertThat(server.chatRequests()).hasSize(1);
        }
    }
}
