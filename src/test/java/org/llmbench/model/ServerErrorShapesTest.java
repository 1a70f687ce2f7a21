package org.llmbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmbench.testing.FakeModelServer;

/**
 * Every shape of error a real server sends inside an answer it began with HTTP 200 is the call's error, with the
 * server's own message, the status as sent and whether the answer was a stream (see the team's wire-formats notes).
 */
class ServerErrorShapesTest {

    /** Verbatim from a llama.cpp llama-server whose slot was smaller than the prompt. */
    static final String LLAMA_CPP_ERROR_LINE = "error: {\"code\":500,\"message\":\"Input prompt is too big compared to KV size. "
            + "Please try increasing KV size.\",\"type\":\"server_error\"}\n\n";

    private static CallResult openAi(FakeModelServer.Behaviour behaviour) throws Exception {
        try (var server = new FakeModelServer(behaviour);
             var client = new OpenAiClient(ClientSettings.of(server.openAiUrl(), Duration.ofSeconds(5), 2).withBackoffMs(5))) {
            return client.chat(ClientFaultTest.request("x"));
        }
    }

    private static CallResult ollama(List<String> lines) throws Exception {
        try (var server = new FakeModelServer((r, exchange) -> FakeModelServer.stream(exchange, "application/x-ndjson", lines, 0));
             var client = new OllamaClient(ClientSettings.of(server.baseUrl(), Duration.ofSeconds(5), 2).withBackoffMs(5))) {
            return client.chat(ClientFaultTest.request("x"));
        }
    }

    private static void isTheServersError(CallResult r, String message, boolean streamed) {
        assertThat(r.errorKind()).isEqualTo(ErrorKind.SERVER_ERROR);
        assertThat(r.errorMessage()).contains(message);
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(r.streamed()).isEqualTo(streamed);
        assertThat(r.attempts()).as("the server answered: not resent").isEqualTo(1);
    }

    @Test
    void llamaCppsErrorLineAloneAndAfterContent() throws Exception {
        CallResult alone = openAi((r, exchange) -> FakeModelServer.stream(exchange, "text/event-stream",
                List.of(LLAMA_CPP_ERROR_LINE), 0));
        isTheServersError(alone, "Input prompt is too big compared to KV size", true);
        assertThat(alone.errorMessage()).contains("error 500");

        List<String> events = new java.util.ArrayList<>(FakeModelServer.openAiEvents(List.of("Once", " upon"), "stop", 9, 2, false));
        events.remove(events.size() - 1);
        events.add(LLAMA_CPP_ERROR_LINE);
        isTheServersError(openAi((r, exchange) -> FakeModelServer.stream(exchange, "text/event-stream", events, 0)),
                "Input prompt is too big compared to KV size", true);
    }

    @Test
    void anErrorLineThatIsNotJsonKeepsItsText() throws Exception {
        isTheServersError(openAi((r, exchange) -> FakeModelServer.stream(exchange, "text/event-stream",
                List.of("error: slot unavailable\n\n"), 0)), "slot unavailable", true);
    }

    @Test
    void anErrorObjectInADataEventOrAWholeBody() throws Exception {
        String error = "{\"error\":{\"code\":503,\"message\":\"Loading model\",\"type\":\"unavailable_error\"}}";
        isTheServersError(openAi((r, exchange) -> FakeModelServer.stream(exchange, "text/event-stream",
                List.of("data: " + error + "\n\n"), 0)), "Loading model", true);
        isTheServersError(openAi((r, exchange) -> FakeModelServer.send(exchange, 200, "application/json", error)),
                "Loading model", false);
        isTheServersError(openAi((r, exchange) -> FakeModelServer.send(exchange, 200, "application/json",
                "{\"error\":\"model is overloaded\"}")), "model is overloaded", false);
    }

    @Test
    void ollamasErrorLineAsTextOrObject() throws Exception {
        List<String> before = FakeModelServer.ollamaLines(List.of("Once"), "stop", 9, 1, false);
        List<String> text = new java.util.ArrayList<>(before);
        text.add("{\"error\":\"an error was encountered while running the model: unexpected EOF\"}\n");
        isTheServersError(ollama(text), "unexpected EOF", true);
        isTheServersError(ollama(List.of("{\"error\":{\"message\":\"model runner has unexpectedly stopped\"}}\n")),
                "model runner has unexpectedly stopped", true);
    }
}
