package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.llmbench.model.ClientSettings;
import org.llmbench.model.OpenAiClient;
import org.llmbench.testing.Fault;

/**
 * Every fault through the engine: the question that meets it records its error kind and retries, and the next
 * question still runs and gets an answer. The run itself never stops.
 */
class ModelFaultsEngineTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aFaultIsRecordedOnItsQuestionAndTheNextQuestionStillRuns(Fault fault) throws Exception {
        Path suite = BenchRun.suite(dir, "two", "Say hello. " + Fault.TRIGGER, "Say hello.");
        try (Fault.Server server = fault.start(false)) {
            var results = EngineKits.engine(new LlmBenchTestEngine(config ->
                            new OpenAiClient(ClientSettings.of(config, name -> null).withBackoffMs(10))))
                    .configurationParameters(Map.of("bench.model", "fake-model", "bench.provider", "openai",
                            "bench.url", server.url(), "bench.retries", "1", "bench.timeoutS", fault == Fault.CALL_TIMEOUT ? "1" : "30",
                            "bench.maxBodyBytes", String.valueOf(Fault.OVERSIZED_BYTES / 2)))
                    .selectors(selectFile(suite.toFile()))
                    .execute();

            List<Map<String, String>> entries = results.testEvents().reportingEntryPublished().stream()
                    .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()).toList();
            assertThat(entries).hasSize(2);
            Map<String, String> faulty = entries.get(0);
            assertThat(faulty).containsEntry("error_kind", fault.kind)
                    .containsEntry("attempts", String.valueOf(fault.retried ? 2 : 1));
            assertThat(faulty.containsKey("retry_waits_ms")).isEqualTo(fault.retried);
            Map<String, String> next = entries.get(1);
            if (fault == Fault.CONNECTION_REFUSED) {
                assertThat(next).containsEntry("error_kind", "connection");
            } else {
                assertThat(next).doesNotContainKey("error_kind").containsEntry("attempts", "1")
                        .containsKeys("ttft_ms", "completion_tokens");
                // A rate needs a measurable time: a local fake can answer within the same millisecond.
                if (!next.get("latency_ms").equals("0")) {
                    assertThat(next).containsKey("completion_tokens_per_s");
                }
            }
            results.testEvents().assertStatistics(s -> s.started(2).finished(2));
            assertThat(results.containerEvents().failed().stream().map(Event::toString).toList()).isEmpty();
        }
    }

}
