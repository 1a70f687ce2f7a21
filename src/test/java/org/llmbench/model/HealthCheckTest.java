package org.llmbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.llmbench.testing.FakeModelServer;

/** The hello health call behind probe and smoke. */
class HealthCheckTest {

    private static final GenerationOptions OPTIONS = new GenerationOptions(0.1, 4096, 2048, 42L);

    @Test
    void listsTheModelsAndGreetsTheFirstOneForAuto() throws Exception {
        try (var server = new FakeModelServer(FakeModelServer.streaming(r -> "Hello there!", 0));
             var client = new OpenAiClient(ClientSettings.of(server.openAiUrl(), Duration.ofSeconds(5), 0))) {
            HealthCheck.Result result = HealthCheck.hello(client, "auto", OPTIONS);

            assertThat(result.ok()).isTrue();
            assertThat(result.models()).containsExactly("fake-model");
            assertThat(result.listError()).isNull();
            assertThat(result.model()).isEqualTo("fake-model");
            assertThat(result.call().content()).isEqualTo("Hello there!");
            assertThat(result.call().ttftMs()).isNotNull();
            var chat = server.requests().get(1).body();
            assertThat(chat.path("model").asText()).isEqualTo("fake-model");
            assertThat(chat.path("max_tokens").asInt()).isEqualTo(HealthCheck.MAX_TOKENS);
            assertThat(chat.toString()).doesNotContain("Hello!");
        }
    }

    @Test
    void anUnreachableServerIsReportedNotThrown() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (var client = new OllamaClient(ClientSettings.of("http://127.0.0.1:" + port, Duration.ofSeconds(2), 0))) {
            HealthCheck.Result named = HealthCheck.hello(client, "qwen3:0.6b", OPTIONS);
            assertThat(named.ok()).isFalse();
            assertThat(named.listError()).startsWith("connection");
            assertThat(named.call().errorKind()).isEqualTo(ErrorKind.CONNECTION);

            HealthCheck.Result auto = HealthCheck.hello(client, "auto", OPTIONS);
            assertThat(auto.ok()).isFalse();
            assertThat(auto.model()).isNull();
            assertThat(auto.call()).isNull();
        }
    }
}
