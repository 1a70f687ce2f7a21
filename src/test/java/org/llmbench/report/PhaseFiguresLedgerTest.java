package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.llmbench.json.Json;

/** A real launcher run (so the ledger listener is active): the phases' figures land in run.jsonl and manifest.json. */
class PhaseFiguresLedgerTest {

    @TempDir
    Path out;

    @Test
    void phaseFiguresAndCanonicalOverridesAreRecorded() throws Exception {
        Path config = out.resolve("config.json");
        Files.writeString(config, "{\"model\": {\"temperature\": 0.3}}");
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectFile("suites/parallel_same.json"), selectFile("suites/edge_append.json"),
                        selectFile("suites/edge_suite.json"))
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines("llm-bench"))
                .configurationParameter("bench.model", "mock")
                .configurationParameter("bench.out", out.toString())
                .configurationParameter("bench.numCtx", "8192")
                .configurationParameter("bench.config", config.toString())
                .build(), summary);
        assertThat(summary.getSummary().getTotalFailureCount()).isZero();
        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(8 + 12 + 5);

        Path run;
        try (Stream<Path> runs = Files.list(out).filter(p -> p.getFileName().toString().startsWith("run-"))) {
            run = runs.findFirst().orElseThrow();
        }
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("run.jsonl"))) {
            JsonNode e = Json.MAPPER.readTree(line);
            if (e.path("event").asText().equals("phase_figures")) {
                events.add(e);
            }
        }
        assertThat(events).extracting(e -> e.path("phase").asText())
                .containsExactlyInAnyOrder("parallel_same", "edge_append", "edge_suite");
        JsonNode lanes = events.stream().filter(e -> e.path("phase").asText().equals("parallel_same")).findFirst().orElseThrow();
        assertThat(lanes.path("max_in_flight").asInt()).isPositive();
        assertThat(lanes.has("wall_ms") && lanes.has("completion_tokens_per_s") && lanes.has("per_lane")).isTrue();

        JsonNode manifest = Json.MAPPER.readTree(run.resolve("manifest.json").toFile());
        assertThat(manifest.path("phase_figures")).hasSize(3);
        assertThat(manifest.path("canonical_options_overrides").path("num_ctx").asInt()).isEqualTo(8192);
        assertThat(manifest.path("canonical_options_overrides").path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(manifest.path("canonical_options_overrides").has("num_predict")).isFalse();
    }
}
