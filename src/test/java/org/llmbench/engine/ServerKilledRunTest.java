package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.model.CallFailure;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatRequest;
import org.llmbench.model.ClientSettings;
import org.llmbench.model.ModelClient;
import org.llmbench.model.OpenAiClient;
import org.llmbench.testing.FakeModelServer;

/** A server that dies halfway through a run: the rest of the questions are connection errors and the ledger stays whole. */
class ServerKilledRunTest {

    @TempDir
    Path dir;

    @Test
    void theRemainingQuestionsAreConnectionErrorsAndTheLedgerEndsWithRunEnd() throws Exception {
        Path suite = BenchRun.suite(dir, "four", "Say hello 1", "Say hello 2", "Say hello 3", "Say hello 4");
        try (var server = new FakeModelServer(FakeModelServer.streaming(r -> "hello there", 1))) {
            AtomicInteger calls = new AtomicInteger();
            BenchRun.Outcome outcome = BenchRun.run(config -> new KillingClient(
                            new OpenAiClient(ClientSettings.of(config, n -> null).withBackoffMs(10)), server, calls),
                    suite, dir.resolve("out"), Map.of("bench.model", "fake-model", "bench.provider", "openai",
                            "bench.url", server.openAiUrl(), "bench.retries", "2"));

            List<JsonNode> ledger = outcome.ledger();
            assertThat(ledger.get(0).path("event").asText()).isEqualTo("run_start");
            assertThat(ledger.get(ledger.size() - 1).path("event").asText()).isEqualTo("run_end");
            List<JsonNode> callEvents = outcome.calls();
            assertThat(callEvents).hasSize(4);
            for (JsonNode ok : callEvents.subList(0, 2)) {
                assertThat(ok.path("error_kind").isNull()).isTrue();
                assertThat(ok.path("raw_output").asText()).isEqualTo("hello there");
            }
            for (JsonNode dead : callEvents.subList(2, 4)) {
                assertThat(dead.path("error_kind").asText()).isEqualTo("connection");
                assertThat(dead.path("attempts").asInt()).isEqualTo(3);
                assertThat(dead.path("retry_waits_ms")).hasSize(2);
            }
            assertThat(ledger.stream().filter(e -> e.path("event").asText().equals("test_end")).count()).isEqualTo(4);
            assertThat(outcome.folder().resolve("results.json")).exists();
        }
    }

    /** Passes calls through and kills the server after the second one. */
    private record KillingClient(ModelClient delegate, FakeModelServer server, AtomicInteger calls) implements ModelClient {
        @Override
        public CallResult chat(ChatRequest request) {
            CallResult result = delegate.chat(request);
            if (calls.incrementAndGet() == 2) {
                server.close();
            }
            return result;
        }

        @Override
        public List<String> listModels() throws CallFailure {
            return delegate.listModels();
        }

        @Override
        public String provider() {
            return delegate.provider();
        }
    }
}
