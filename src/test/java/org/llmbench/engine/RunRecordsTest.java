package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.llmbench.model.MockModelClient;
import org.llmbench.model.ModelClients;
import org.llmbench.testing.FakeModelServer;
import org.llmbench.testing.GeneratedSuite;

/** The run folder says what ran: the engine's own records, asserted straight from EngineTestKit runs. */
class RunRecordsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private EngineTestKit.Builder kit(Path out, String... keyValues) {
        EngineTestKit.Builder kit = EngineTestKit.engine(new LlmBenchTestEngine(c -> new MockModelClient(c.seed())))
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("bench.out", out.toString());
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            kit.configurationParameter(keyValues[i], keyValues[i + 1]);
        }
        return kit;
    }

    private static Path onlyRun(Path out) throws IOException {
        try (Stream<Path> runs = Files.list(out)) {
            List<Path> folders = runs.filter(p -> p.getFileName().toString().startsWith("run-")).toList();
            assertThat(folders).hasSize(1);
            return folders.get(0);
        }
    }

    private static List<JsonNode> ledger(Path folder) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("run.jsonl"))) {
            events.add(MAPPER.readTree(line));
        }
        return events;
    }

    @Test
    void theManifestRecordsTheLanesEachParallelPhaseRanAndTheClientsCap() throws IOException {
        Path out = tmp.resolve("out");
        kit(out, "bench.model", "mock", "bench.phases", "parallel_same")
                .selectors(selectFile("suites/parallel_same.json")).execute()
                .testEvents().assertStatistics(s -> s.failed(0));
        JsonNode manifest = MAPPER.readTree(onlyRun(out).resolve("manifest.json").toFile());
        JsonNode phaseFigures = manifest.path("phase_figures").get(0);
        assertThat(manifest.path("phase_lanes").path("parallel_same").path("lanes").asInt())
                .isEqualTo(phaseFigures.path("lanes").asInt()).isEqualTo(4);
        assertThat(manifest.path("phase_lanes").path("parallel_same").path("source").asText()).contains("suite parallel_same");
        assertThat(manifest.path("options").path("lanes").asInt()).isEqualTo(4);
        assertThat(manifest.path("effective_config").path("bench.lanes").path("source").asText())
                .isEqualTo("lanes of the selected parallel phases");
    }

    @Test
    void autoIsRecordedAsTheModelsTheServerListedAndTheReproduceLineNamesThem() throws Exception {
        try (FakeModelServer server = new FakeModelServer(FakeModelServer.answering(r -> "Hello!"))) {
            Path out = tmp.resolve("listed");
            EngineTestKit.engine(new LlmBenchTestEngine(ModelClients::create))
                    .enableImplicitConfigurationParameters(false)
                    .configurationParameter("bench.out", out.toString())
                    .configurationParameter("bench.model", "auto")
                    .configurationParameter("bench.url", server.openAiUrl())
                    .configurationParameter("bench.phases", "hello")
                    .selectors(selectClass(EngineKits.ENTRY_CLASS)).execute()
                    .testEvents().assertStatistics(s -> s.started(1));
            Path folder = onlyRun(out);
            JsonNode manifest = MAPPER.readTree(folder.resolve("manifest.json").toFile());
            List<String> models = new ArrayList<>();
            manifest.path("models").forEach(m -> models.add(m.asText()));
            assertThat(models).hasSize(1).doesNotContain("auto");
            assertThat(manifest.path("effective_config").path("bench.model").path("value").asText()).isEqualTo(models.get(0));
            String notes = Files.readString(folder.resolve("run.md"));
            assertThat(notes).contains("models: " + models.get(0)).doesNotContain("auto");
        }
    }

    @Test
    void twoRunsInOneJvmAtOnceWriteTwoCorrectFolders() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        CompletableFuture<EngineExecutionResults> first = CompletableFuture.supplyAsync(() ->
                kit(a, "bench.model", "mock", "bench.phases", "hello,5q").selectors(selectClass(EngineKits.ENTRY_CLASS)).execute());
        CompletableFuture<EngineExecutionResults> second = CompletableFuture.supplyAsync(() ->
                kit(b, "bench.model", "mock:junk", "bench.phases", "5q").selectors(selectClass(EngineKits.ENTRY_CLASS)).execute());
        first.get().testEvents().assertStatistics(s -> s.succeeded(6).failed(0));
        second.get().testEvents().assertStatistics(s -> s.succeeded(0).failed(5));
        JsonNode resultsA = MAPPER.readTree(onlyRun(a).resolve("results.json").toFile());
        JsonNode resultsB = MAPPER.readTree(onlyRun(b).resolve("results.json").toFile());
        assertThat(resultsA.path("summary").path("tasks").asInt()).isEqualTo(6);
        assertThat(resultsA.path("summary").path("score_percent").asDouble()).isEqualTo(100.0);
        assertThat(resultsB.path("summary").path("tasks").asInt()).isEqualTo(5);
        assertThat(resultsB.path("summary").path("score_percent").asDouble()).isEqualTo(0.0);
        assertThat(ledger(onlyRun(a))).allSatisfy(e -> assertThat(e.path("model").asText("mock")).isEqualTo("mock"));
        assertThat(ledger(onlyRun(b))).allSatisfy(e -> assertThat(e.path("model").asText("mock:junk")).isEqualTo("mock:junk"));
    }

    @Test
    void sixteenLanesOverTwoThousandQuestionsEndEachTestExactlyOnceEveryTime() throws IOException {
        Path suites = tmp.resolve("suites");
        Path file = GeneratedSuite.write(suites, "wide", 2000);
        ObjectNode suite = (ObjectNode) MAPPER.readTree(file.toFile());
        suite.put("run_mode", "parallel_same").put("lanes", 16);
        MAPPER.writeValue(file.toFile(), suite);
        for (int repeat = 0; repeat < 3; repeat++) {
            Path out = tmp.resolve("wide-" + repeat);
            kit(out, "bench.model", "mock", "bench.phases", "wide").selectors(selectFile(file.toFile())).execute()
                    .testEvents().assertStatistics(s -> s.started(2000).succeeded(2000));
            Map<String, Integer> ends = new HashMap<>();
            JsonNode runEnd = null;
            for (JsonNode e : ledger(onlyRun(out))) {
                switch (e.path("event").asText()) {
                    case "test_end" -> ends.merge(e.path("test_id").asText(), 1, Integer::sum);
                    case "run_end" -> runEnd = e;
                    default -> { }
                }
            }
            assertThat(ends).hasSize(2000);
            assertThat(ends.values()).containsOnly(1);
            assertThat(runEnd.path("tests").path("successful").asInt()).isEqualTo(2000);
            assertThat(runEnd.path("scored").asInt()).isEqualTo(2000);
        }
    }

    @Test
    void aMistypedRunIdIsADiscoveryErrorNotANewRun() {
        Path out = tmp.resolve("none");
        EngineExecutionResults results = kit(out, "bench.model", "mock", "bench.runId", "no-such-run")
                .selectors(selectClass(EngineKits.ENTRY_CLASS)).execute();
        results.testEvents().assertStatistics(s -> s.started(0));
        assertThat(Files.exists(out.resolve("run-no-such-run"))).isFalse();
    }

    @Test
    void aSelectionOfNothingRecordsNoRunAndTheGateFailsWhileAPassingRunPasses() throws IOException {
        Path out = tmp.resolve("gate");
        Path passing = tmp.resolve("invocation-1.txt");
        kit(out, "bench.model", "mock", "bench.phases", "hello", "bench.runPointer", passing.toString())
                .selectors(selectClass(EngineKits.ENTRY_CLASS)).execute();
        assertThat(org.llmbench.report.GateProbe.verdictOfPointer(passing, 70)).isEmpty();

        Path nothing = tmp.resolve("invocation-2.txt");
        kit(out, "bench.model", "mock", "bench.phases", "hello", "bench.question", "hello/NO_SUCH",
                "bench.runPointer", nothing.toString()).selectors(selectClass(EngineKits.ENTRY_CLASS)).execute()
                .testEvents().assertStatistics(s -> s.started(0));
        assertThat(Files.exists(nothing)).isFalse();
        assertThat(org.llmbench.report.GateProbe.verdictOfPointer(nothing, 70)).get().asString()
                .contains("FAILED").contains("ran no llm-bench run");
    }
}
