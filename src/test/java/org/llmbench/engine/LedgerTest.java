package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.llmbench.report.QualityGate;

/** Runs the engine through the Launcher, as Surefire does, so the ServiceLoader-registered ledger listener writes. */
class LedgerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path out;

    private TestExecutionSummary run(Map<String, String> extra) {
        var params = new java.util.HashMap<String, String>(Map.of("bench.model", "mock,mock:junk",
                "bench.phases", "hello,5q", "bench.out", out.toString()));
        params.putAll(extra);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass("org.llmbench.BundledSuitesBenchmark"))
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines("llm-bench"))
                .configurationParameters(params)
                .enableImplicitConfigurationParameters(false)
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, summary);
        return summary.getSummary();
    }

    private Path onlyRunFolder() throws Exception {
        try (var dirs = Files.list(out)) {
            return dirs.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("run-")).findFirst().orElseThrow();
        }
    }

    private static List<JsonNode> lines(Path folder) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("run.jsonl"))) {
            events.add(MAPPER.readTree(line));
        }
        return events;
    }

    private static long count(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.path("event").asText().equals(type)).count();
    }

    @Test
    void everyLineParsesAndTheCountsMatchTheTestsExecuted() throws Exception {
        TestExecutionSummary summary = run(Map.of());
        assertThat(summary.getTestsStartedCount()).isEqualTo(12);
        Path folder = onlyRunFolder();
        List<JsonNode> events = lines(folder);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("schema_version").asInt()).isEqualTo(org.llmbench.record.RecordCodec.SCHEMA_VERSION);
            assertThat(e.path("run_id").asText()).isEqualTo(folder.getFileName().toString().substring(4));
        });
        assertThat(events.get(0).path("event").asText()).isEqualTo("run_start");
        assertThat(events.get(events.size() - 1).path("event").asText()).isEqualTo("run_end");
        assertThat(count(events, "call")).isEqualTo(summary.getTestsStartedCount());
        assertThat(count(events, "score")).isEqualTo(summary.getTestsStartedCount());
        assertThat(count(events, "test_end")).isEqualTo(summary.getTestsStartedCount());
        assertThat(events.stream().filter(e -> e.path("event").asText().equals("test_end"))
                .filter(e -> e.path("status").asText().equals("failed")).count()).isEqualTo(summary.getTotalFailureCount());
        JsonNode call = events.stream().filter(e -> e.path("event").asText().equals("call")).findFirst().orElseThrow();
        assertThat(call.path("messages").get(0).path("content").asText()).isNotBlank();
        assertThat(call.has("raw_output")).isTrue();
        assertThat(call.path("latency_ms").isNumber()).isTrue();
        JsonNode score = events.stream().filter(e -> e.path("event").asText().equals("score")).findFirst().orElseThrow();
        assertThat(score.path("checks").size()).isPositive();
    }

    @Test
    void theManifestAndResultsDescribeTheRun() throws Exception {
        run(Map.of("bench.temperature", "0.3"));
        Path folder = onlyRunFolder();
        JsonNode manifest = MAPPER.readTree(folder.resolve("manifest.json").toFile());
        assertThat(manifest.path("models")).extracting(JsonNode::asText).containsExactly("mock", "mock:junk");
        assertThat(manifest.path("canonical_options_overrides").path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(manifest.path("effective_config").path("bench.temperature").path("source").asText()).isEqualTo("parameter");
        JsonNode results = MAPPER.readTree(folder.resolve("results.json").toFile());
        assertThat(results.path("tasks")).hasSize(12);
        assertThat(results.path("config_hash").asText()).startsWith("sha256:");
        // The mock scores 100 and the junk mock 0: two totals, none across them.
        assertThat(results.path("summary").has("score_percent")).isFalse();
        assertThat(results.path("models")).extracting(m -> m.path("score_percent").asDouble()).containsExactly(100.0, 0.0);
        assertThat(results.path("tasks").get(0).has("raw_output")).isTrue();
        assertThat(QualityGate.verdict(folder, 0)).isEmpty();
        assertThat(QualityGate.verdict(folder, 50)).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .endsWith("FAILED: below the minimum: mock:junk (0.00)");
    }

    @Test
    void resumingARunSkipsWhatWasScoredAndAddsNothingTwice() throws Exception {
        run(Map.of());
        Path folder = onlyRunFolder();
        String runId = folder.getFileName().toString().substring(4);
        // A kill mid-write can leave a torn last line; resuming must cut it, not choke on it.
        Files.writeString(folder.resolve("run.jsonl"), "{\"schema_version\":1,\"event\":\"ca", java.nio.file.StandardOpenOption.APPEND);
        TestExecutionSummary again = run(Map.of("bench.runId", runId));
        assertThat(again.getTestsSkippedCount()).isEqualTo(12);
        List<JsonNode> events = lines(folder);
        assertThat(count(events, "score")).isEqualTo(12);
        assertThat(count(events, "run_start")).isEqualTo(2);
        assertThat(MAPPER.readTree(folder.resolve("manifest.json").toFile()).path("resumed").asBoolean()).isTrue();
    }

    @Test
    void retryErrorsRerunsOnlyTheQuestionsWhoseCallFailed() throws Exception {
        run(Map.of("bench.model", "mock:failing,mock"));
        Path folder = onlyRunFolder();
        String runId = folder.getFileName().toString().substring(4);
        TestExecutionSummary again = run(Map.of("bench.model", "mock:failing,mock", "bench.runId", runId, "bench.retryErrors", "true"));
        assertThat(again.getTestsStartedCount()).isEqualTo(6);
        assertThat(again.getTestsSkippedCount()).isEqualTo(6);
    }
}
