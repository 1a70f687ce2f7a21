package org.llmbench.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The ways a model server misbehaves, each with the error kind the harness must record. {@link #start} runs a
 * server (OpenAI or Ollama wire format) on which a prompt containing {@link #TRIGGER} misbehaves and any other
 * prompt gets a good streamed answer, so a test can check that the next question still runs.
 */
public enum Fault {
    CONNECTION_REFUSED("connection", true),
    RESET_MID_BODY("connection", true),
    HTTP_500("http_5xx", true),
    HTTP_404("http_4xx", false),
    RATE_LIMITED("rate_limited", true),
    CALL_TIMEOUT("timeout", true),
    NO_END_MARKER("protocol", false),
    INVALID_JSON("protocol", false),
    INVALID_UTF8("protocol", false),
    EMPTY_CHOICES("protocol", false),
    NULL_CONTENT("protocol", false),
    TOO_LARGE("too_large", false);

    /** Prompts containing this misbehave. */
    public static final String TRIGGER = "FAULT";
    /** The answer to every other prompt. */
    public static final String GOOD_ANSWER = "hello from the fake server";
    /** What a misbehaving server sends in Retry-After, seconds. */
    public static final int RETRY_AFTER_S = 1;
    /** How long a timing-out server stalls. */
    public static final long STALL_MS = 1500;
    /** Bigger than any cap a test sets (caps are at least 1024 bytes). */
    public static final int OVERSIZED_BYTES = 64 * 1024;

    public final String kind;
    public final boolean retried;

    Fault(String kind, boolean retried) {
        this.kind = kind;
        this.retried = retried;
    }

    /** A running server: its base URL (with {@code /v1} for the OpenAI format) and how to stop it. */
    public interface Server extends AutoCloseable {
        String url();

        @Override
        void close() throws IOException;
    }

    public Server start(boolean ollama) throws IOException {
        if (this == CONNECTION_REFUSED) {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            String url = "http://127.0.0.1:" + port + (ollama ? "" : "/v1");
            return server(url, () -> { });
        }
        if (this == RESET_MID_BODY) {
            RawHttpServer raw = new RawHttpServer((body, socket, out) -> {
                List<String> good = FakeModelServer.pieces(GOOD_ANSWER);
                String full = String.join("", ollama ? FakeModelServer.ollamaLines(good, "stop", 5, good.size(), true)
                        : FakeModelServer.openAiEvents(good, "stop", 5, good.size(), true));
                String type = ollama ? "application/x-ndjson" : "text/event-stream";
                if (body.contains(TRIGGER)) {
                    RawHttpServer.resetMidBody(socket, out, type, full.length() + 100, full.substring(0, full.length() / 2));
                } else {
                    RawHttpServer.respond(out, type, full);
                }
            });
            return server(raw.baseUrl() + (ollama ? "" : "/v1"), raw::close);
        }
        FakeModelServer.Behaviour good = FakeModelServer.streaming(r -> GOOD_ANSWER, 0);
        FakeModelServer fake = new FakeModelServer((request, exchange) -> {
            if (request.body() != null && request.lastUserMessage().contains(TRIGGER)) {
                misbehave(exchange, ollama);
            } else {
                good.answer(request, exchange);
            }
        });
        return server(ollama ? fake.baseUrl() : fake.openAiUrl(), fake::close);
    }

    private void misbehave(HttpExchange exchange, boolean ollama) throws IOException {
        String stream = ollama ? "application/x-ndjson" : "text/event-stream";
        List<String> pieces = FakeModelServer.pieces("a partial answer");
        switch (this) {
            case HTTP_500 -> FakeModelServer.send(exchange, 500, "application/json",
                    "{\"error\":{\"code\":500,\"message\":\"internal failure\",\"type\":\"server_error\"}}");
            case HTTP_404 -> FakeModelServer.send(exchange, 404, "application/json", "{\"error\":\"model 'x' not found\"}");
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(RETRY_AFTER_S));
                FakeModelServer.send(exchange, 429, "application/json", "{\"error\":\"slow down\"}");
            }
            case CALL_TIMEOUT -> {
                sleep(STALL_MS);
                FakeModelServer.send(exchange, 200, "application/json", "{}");
            }
            case NO_END_MARKER -> FakeModelServer.stream(exchange, stream, ollama
                    ? FakeModelServer.ollamaLines(pieces, "stop", 5, 4, false)
                    : FakeModelServer.openAiEvents(pieces, "stop", 5, 4, false), 0);
            case INVALID_JSON -> FakeModelServer.stream(exchange, stream,
                    List.of(ollama ? "{\"message\": {\"content\": \"ab\n" : "data: {\"choices\": [\n\n"), 0);
            case INVALID_UTF8 -> {
                byte[] bad = (ollama ? "{\"message\":{\"content\":\"caf\u00ff\"},\"done\":true}\n"
                        : "data: {\"choices\":[{\"delta\":{\"content\":\"caf\u00ff\"}}]}\n\ndata: [DONE]\n\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
                FakeModelServer.sendBytes(exchange, 200, stream, bad);
            }
            case EMPTY_CHOICES -> FakeModelServer.send(exchange, 200, "application/json",
                    "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[]}");
            case NULL_CONTENT -> FakeModelServer.send(exchange, 200, "application/json", ollama
                    ? "{\"model\":\"x\",\"message\":{\"role\":\"assistant\",\"content\":null},\"done\":true}"
                    : "{\"id\":\"x\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null},\"finish_reason\":\"stop\"}]}");
            case TOO_LARGE -> FakeModelServer.stream(exchange, stream, ollama
                    ? FakeModelServer.ollamaLines(List.of("x".repeat(OVERSIZED_BYTES)), "stop", 5, 4, true)
                    : FakeModelServer.openAiEvents(List.of("x".repeat(OVERSIZED_BYTES)), "stop", 5, 4, true), 0);
            default -> throw new IllegalStateException(name() + " is not served by the HTTP fake");
        }
    }

    private static Server server(String url, IoAction close) {
        return new Server() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public void close() throws IOException {
                close.run();
            }
        };
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
