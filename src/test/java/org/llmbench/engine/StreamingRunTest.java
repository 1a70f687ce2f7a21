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
