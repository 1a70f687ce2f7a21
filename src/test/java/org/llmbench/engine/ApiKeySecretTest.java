package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.model.ModelClients;
import org.llmbench.testing.FakeModelServer;

/**
 * The API key reaches the server as a bearer token and nothing else: not the run folder, not the console, not
 * even when the server echoes it back in an error message.
 */
class ApiKeySecretTest {

    private static final String VARIABLE = "LLMBENCH_TEST_API_KEY";
    private static final String CANARY = "sk-canary-7f3e9a1c-do-not-leak";

    @TempDir
    Path dir;

    @Test
    void theKeyIsSentAsBearerAndWrittenNowhere() throws Exception {
        Path suite = BenchRun.suite(dir, "secret", "Say hello. FIRST", "Say hello. SECOND");
        FakeModelServer.Behaviour good = FakeModelServer.streaming(r -> "hello", 0);
        try (var server = new FakeModelServer((request, exchange) -> {
            if (request.lastUserMessage().contains("FIRST")) {
                // Some servers and proxies quote the rejected credential back.
                FakeModelServer.send(exchange, 401, "application/json",
                        "{\"error\":{\"message\":\"invalid key: " + request.authorization() + "\"}}");
            } else {
                good.answer(request, exchange);
            }
        })) {
            Path out = dir.resolve("out");
            BenchRun.Outcome outcome = BenchRun.run(config -> ModelClients.create(config,
                            name -> name.equals(VARIABLE) ? CANARY : null), suite, out,
                    Map.of("bench.model", "fake-model", "bench.provider", "openai", "bench.url", server.openAiUrl(),
                            "bench.apiKeyEnv", VARIABLE));

            assertThat(server.requests()).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + CANARY));
            List<com.fasterxml.jackson.databind.JsonNode> calls = outcome.calls();
            assertThat(calls.get(0).path("error_kind").asText()).isEqualTo("http_4xx");
            assertThat(calls.get(0).path("error").asText()).contains("invalid key: Bearer ***");
            assertThat(calls.get(1).path("raw_output").asText()).isEqualTo("hello");

            assertThat(outcome.console()).contains("[llm-bench]").doesNotContain(CANARY);
            try (Stream<Path> files = Files.walk(out)) {
                List<Path> written = files.filter(Files::isRegularFile).toList();
                assertThat(written).extracting(p -> p.getFileName().toString())
                        .contains("run.jsonl", "manifest.json", "results.json");
                for (Path file : written) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).as(file.toString())
                            .doesNotContain(CANARY);
                }
            }
            assertThat(Files.readString(outcome.folder().resolve("manifest.json"))).contains(VARIABLE);
        }
    }
}
