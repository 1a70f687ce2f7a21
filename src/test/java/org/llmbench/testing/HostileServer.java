package org.llmbench.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;

/**
 * A model server (OpenAI or Ollama wire format) that quotes the caller's Authorization header back wherever a server
 * can put text: each prompt that is one of the {@link #TRIGGERS} picks one place. Any other prompt gets a good answer.
 */
public final class HostileServer {

    /** The key the tests send; it must appear nowhere the harness writes. */
    public static final String CANARY = "sk-canary-7f3e9a1c-do-not-leak";
    /** Credentials that are not the key but are shaped like one, quoted by the UNRELATED triggers. */
    public static final String OTHER_SK = "sk-proj-Zx81bQ4mN0pLk2Jh7Yt";
    public static final String OTHER_BEARER = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
    /** Where the clients cut an error message (Redactor.MAX_MESSAGE_CHARS); CLIPPED puts the key across the cut. */
    public static final int CUT_AT = 320;
    /** Each trigger and the error kind it makes (wire name), or "ok" when the call succeeds. */
    public static final java.util.Map<String, String> TRIGGERS = java.util.Map.of(
            "INSTREAM", "server_error", "UNAUTHORIZED", "http_4xx", "BUSY", "http_5xx", "HEADER", "rate_limited",
            "JUNK", "protocol", "CLIPPED", "http_4xx", "CONTENT", "ok", "HEADER_OK", "ok",
            "UNRELATED", "http_4xx", "UNRELATED_INSTREAM", "server_error");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HostileServer() {
    }

    /** Answers each trigger word with one way of quoting the Authorization header back. */
    public static FakeModelServer.Behaviour quotingTheKey(boolean ollama) {
        return (request, exchange) -> answer(request, exchange, ollama);
    }

    private static void answer(FakeModelServer.Request request, HttpExchange exchange, boolean ollama) throws IOException {
        String auth = request.authorization();
        String type = ollama ? "application/x-ndjson" : "text/event-stream";
        if (request.body() == null) { // the model listing, with the key in its fields
            String listing = ollama
                    ? "{\"models\":[{\"name\":\"fake:1b\",\"digest\":\"" + CANARY + "\",\"details\":{\"family\":\"" + auth + "\"}}]}"
                    : "{\"data\":[{\"id\":\"fake-model\",\"owned_by\":\"" + auth + "\",\"" + CANARY + "\":1}]}";
            FakeModelServer.send(exchange, 200, "application/json", listing);
            return;
        }
        String quote = "rejected credential: " + auth;
        switch (request.lastUserMessage()) {
            case "INSTREAM" -> FakeModelServer.stream(exchange, type, List.of(good(ollama, "par"), inStreamError(ollama, quote)), 0);
            case "UNAUTHORIZED" -> FakeModelServer.send(exchange, 401, "application/json", errorJson(quote));
            case "BUSY" -> FakeModelServer.send(exchange, 503, "text/plain", "overloaded; " + quote);
            case "HEADER" -> {
                exchange.getResponseHeaders().set("Retry-After", auth);
                exchange.getResponseHeaders().set("X-Echo-Authorization", auth);
                FakeModelServer.send(exchange, 429, "application/json", errorJson("slow down, " + quote));
            }
            case "HEADER_OK" -> {
                exchange.getResponseHeaders().set("X-Echo-Authorization", auth);
                FakeModelServer.stream(exchange, type, ollama ? FakeModelServer.ollamaLines(List.of("fine"), "stop", 1, 1, true)
                        : FakeModelServer.openAiEvents(List.of("fine"), "stop", 1, 1, true), 0);
            }
            case "JUNK" -> FakeModelServer.stream(exchange, type,
                    List.of(ollama ? CANARY + " " + auth + "\n" : "data: " + CANARY + " " + auth + "\n\n"), 0);
            // The key starts 10 characters before the message is cut: masking must come first or half of it stays.
            case "CLIPPED" -> FakeModelServer.send(exchange, 400, "text/plain",
                    "x".repeat(CUT_AT - 10 - "HTTP 400: ".length() - quote.length() + CANARY.length()) + quote);
            case "CONTENT" -> FakeModelServer.stream(exchange, type, ollama
                    ? FakeModelServer.ollamaLines(List.of("your key is ", CANARY, " ok"), "stop", 1, 3, true)
                    : FakeModelServer.openAiEvents(List.of("your key is ", CANARY, " ok"), "stop", 1, 3, true), 0);
            case "UNRELATED" -> FakeModelServer.send(exchange, 400, "application/json",
                    errorJson("key " + OTHER_SK + " revoked; Authorization: Bearer " + OTHER_BEARER));
            case "UNRELATED_INSTREAM" -> FakeModelServer.stream(exchange, type,
                    List.of(inStreamError(ollama, "upstream said Bearer " + OTHER_BEARER + " and " + OTHER_SK)), 0);
            default -> FakeModelServer.streaming(r -> "hello from the hostile server", 0).answer(request, exchange);
        }
    }

    private static String good(boolean ollama, String content) {
        return ollama ? FakeModelServer.ollamaLines(List.of(content), "stop", 1, 1, false).get(0)
                : FakeModelServer.openAiEvents(List.of(content), "stop", 1, 1, false).get(0);
    }

    /** OpenAI-compatible servers send {@code data: {"error": {...}}}; Ollama an NDJSON line {@code {"error": "..."}}. */
    private static String inStreamError(boolean ollama, String message) {
        if (ollama) {
            return MAPPER.createObjectNode().put("error", message) + "\n";
        }
        var root = MAPPER.createObjectNode();
        root.putObject("error").put("message", message).put("type", "server_error");
        return "data: " + root + "\n\n";
    }

    private static String errorJson(String message) {
        var root = MAPPER.createObjectNode();
        root.putObject("error").put("message", message).put("code", 401);
        return root.toString();
    }
}
