package org.llmbench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process model server on 127.0.0.1 for tests. Each request is answered by a {@link Behaviour},
 * which can answer well or misbehave as real servers do. It records every request and the most
 * requests it saw in flight at once.
 */
public final class FakeModelServer implements AutoCloseable {

    /** Decides how to answer one request. */
    @FunctionalInterface
    public interface Behaviour {
        void answer(Request request, HttpExchange exchange) throws IOException;
    }

    /** A request as received: method, path and the parsed JSON body (null for GET). */
    public record Request(String method, String path, JsonNode body) {
        /** The content of the last message, which is what the fake usually answers on. */
        public String lastUserMessage() {
            JsonNode messages = body == null ? null : body.path("messages");
            return messages == null || messages.isEmpty() ? "" : messages.get(messages.size() - 1).path("content").asText();
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK,
        // capping every connection at ~25 calls/s: the fake, not the client, would be what benchmarks measure.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Behaviour behaviour;

    public FakeModelServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public void behaviour(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    /** Base URL of the OpenAI-compatible API, e.g. {@code http://127.0.0.1:PORT/v1}. */
    public String openAiUrl() {
        return baseUrl() + "/v1";
    }

    /** Base URL without a path, as Ollama uses it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (exchange) {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            JsonNode body = bytes.length == 0 ? null : MAPPER.readTree(bytes);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body);
            requests.add(request);
            behaviour.answer(request, exchange);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Sends a complete response with a body. */
    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** A non-streaming OpenAI chat completion with this content. */
    public static String openAiCompletion(String content, int promptTokens, int completionTokens) {
        var root = MAPPER.createObjectNode();
        root.put("id", "chatcmpl-fake").put("object", "chat.completion").put("model", "fake");
        var choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return root.toString();
    }

    /** A behaviour that answers every chat call with {@code content} and lists one model. */
    public static Behaviour answering(java.util.function.Function<Request, String> content) {
        return (request, exchange) -> {
            if (request.path().endsWith("/models")) {
                send(exchange, 200, "application/json", "{\"object\":\"list\",\"data\":[{\"id\":\"fake-model\",\"object\":\"model\"}]}");
            } else {
                send(exchange, 200, "application/json", openAiCompletion(content.apply(request), 10, 5));
            }
        };
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
