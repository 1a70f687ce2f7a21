package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.model.ModelClients;
import org.llmbench.testing.FakeModelServer;

/** A run against a fake llama.cpp llama-server: what it reports reaches the ledger as it was sent. */
class LlamaServerRunTest {

    @TempDir
    Path dir;

    @Test
    void anErrorLineAfterTheStatusIsTheCallsErrorWithTheServersMessageStatusAndStream() throws Exception {
        String line = "error: {\"code\":500,\"message\":\"Input prompt is too big compared to KV size. Please try increasing"
                + " KV size.\",\"type\":\"server_error\"}\n\n";
        FakeModelServer.Behaviour tooBig = (request, exchange) -> FakeModelServer.stream(exchange, "text/event-stream",
                List.of(line), 0);
        try (FakeModelServer server = new FakeModelServer(tooBig)) {
            BenchRun.Outcome run = BenchRun.run(ModelClients::create, BenchRun.suite(dir, "big", "a long prompt"),
                    dir.resolve("out"), Map.of("bench.model", FakeModelServer.LLAMA_SERVER_ID, "bench.url", server.openAiUrl(),
                            "bench.retries", "0"));
            JsonNode call = run.calls().get(0);
            System.out.println("ledger call: " + call);
            assertThat(call.path("error_kind").asText()).isEqualTo("server_error");
            assertThat(call.path("error").asText()).contains("error 500").contains("Input prompt is too big compared to KV size");
            assertThat(call.path("http_status").asInt()).isEqualTo(200);
            assertThat(call.path("streamed").asBoolean()).isTrue();
        }
    }
}
