package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.model.ModelClients;
import org.llmbench.testing.FakeModelServer;

/** A run against a streaming server records, for every call, ttft, tpot, per-token gaps, tokens and tokens/s. */
class StreamingRunTest {

    @TempDir
    Path dir;

    @org.junit.jupiter.api.Test
    void theManifestAndLedgerRecordWhatTheServerSaysOfTheModel() throws Exception {
        Path suite = BenchRun.suite(dir, "one", "Say hello");
        try (var server = new FakeModelServer(FakeModelServer.streaming(r -> "hello", 0))) {
            BenchRun.Outcome outcome = BenchRun.run(ModelClients::create, suite, dir.resolve("out"),
                    Map.of("bench.model", "fake:1b", "bench.provider", "ollama", "bench.url", server.baseUrl()));

            JsonNode manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(outcome.folder().resolve("manifest.json").toFile());
            JsonNode details = manifest.path("model_details").path("fake:1b");
            assertThat(details.path("details.quantization_level").asText()).isEqualTo("Q8_0");
            assertThat(details.path("details.parameter_size").asText()).isEqualTo("1B");
            assertThat(details.path("digest").asText()).isEqualTo("abc123");
            assertThat(java.nio.file.Files.readString(outcome.folder().resolve("run.jsonl"))).contains("\"model_details\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "ollama"})
    void everyCallHasItsTimings(String provider) throws Exception {
        Path suite = BenchRun.suite(dir, "three", "Say hello 1", "Say hello 2", "Say hello 3");
        try (var server = new FakeModelServer(FakeModelServer.streaming(r -> "hello, this answer streams in pieces", 2))) {
            String url = provider.equals("openai") ? server.openAiUrl() : server.baseUrl();
            BenchRun.Outcome outcome = BenchRun.run(ModelClients::create, suite, dir.resolve("out"),
                    Map.of("bench.model", "fake-model", "bench.provider", provider, "bench.url", url));

            assertThat(outcome.calls()).hasSize(3);
            for (JsonNode call : outcome.calls()) {
                assertThat(call.path("error_kind").isNull()).as(call.toString()).isTrue();
                assertThat(call.path("streamed").asBoolean()).isTrue();
                assertThat(call.path("ttft_ms").isIntegralNumber()).isTrue();
                assertThat(call.path("latency_ms").asLong()).isGreaterThanOrEqualTo(call.path("ttft_ms").asLong());
                assertThat(call.path("completion_tokens").asInt()).isEqualTo(9);
                assertThat(call.path("tokens_estimated").asBoolean()).isFalse();
                assertThat(call.path("completion_tokens_per_s").asDouble()).isPositive();
                assertThat(call.path("tpot_ms").isNumber()).isTrue();
                assertThat(call.path("token_gaps_ms").path("tokens").asInt()).isPositive();
                assertThat(call.path("finish_reason").asText()).isEqualTo("stop");
                assertThat(call.path("chars_out").asInt()).isEqualTo(36);
                if (provider.equals("ollama")) {
                    assertThat(call.path("server_timings").path("eval_duration").asLong()).isPositive();
                    assertThat(call.path("server_completion_tokens_per_s").asDouble()).isPositive();
                }
            }
        }
    }
}
