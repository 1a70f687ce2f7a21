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
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process model server on 127.0.0.1 for tests. Each request is answered by a {@link Behaviour},
 * which can answer well or misbehave as real servers do. It records the last {@link #KEPT_REQUESTS} requests
 * and the most requests it saw in flight at once.
 */
public final class FakeModelServer implements AutoCloseable {

    /** Decides how to answer one request. */
    @FunctionalInterface
    public interface Behaviour {
        void answer(Request request, HttpExchange exchange) throws IOException;
    }

    /** A request as received: method, path, the parsed JSON body (null for GET) and its Authorization header. */
    public record Request(String method, String path, JsonNode body, String authorization) {
        public Request(String method, String path, JsonNode body) {
            this(method, path, body, null);
        }

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
        // Past 200 idle connections (the default) the JDK server closes each connection right after answering,
        // without a Connection: close header; a benchmark that makes many clients would then measure reconnects.
        System.setProperty("sun.net.httpserver.maxIdleConnections", "10000");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    /**
     * How many requests are kept; more than any test sends. A benchmark sends hundreds of thousands, and keeping
     * them all (or copying an array on every add) would make the fake, not the client, what it measures.
     */
    public static final int KEPT_REQUESTS = 10_000;

    private final Deque<Request> requests = new ConcurrentLinkedDeque<>();
    private final AtomicInteger kept = new AtomicInteger();
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

    /** The requests received, oldest first (the last {@link #KEPT_REQUESTS} of them). */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The chat requests received (POST), oldest first: what tests that count turns or calls look at. */
    public List<Request> chatRequests() {
        return requests.stream().filter(r -> r.method().equals("POST")).toList();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        // A request stops being in flight when its answer starts to end, not after: the last bytes leave as the body
        // is closed, and the client's next request can reach another thread of this server before this one gets
        // further (which made a parallel phase look one request wider than it is under load).
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        };
        exchange.setStreams(null, new java.io.FilterOutputStream(exchange.getResponseBody()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                release.run();
                super.close();
            }
        });
        try (exchange) {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            JsonNode body = bytes.length == 0 ? null : MAPPER.readTree(bytes);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body,
                    exchange.getRequestHeaders().getFirst("Authorization"));
            requests.addLast(request);
            if (kept.incrementAndGet() > KEPT_REQUESTS && requests.pollFirst() != null) {
                kept.decrementAndGet();
            }
            behaviour.answer(request, exchange);
        } finally {
            release.run();
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

    /** Sends raw bytes as a complete response (e.g. invalid UTF-8). */
    public static void sendBytes(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Streams pieces with chunked transfer encoding, flushing each and pausing {@code delayMs} between them. */
    public static void stream(HttpExchange exchange, String contentType, List<String> pieces, long delayMs) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < pieces.size(); i++) {
                if (i > 0 && delayMs > 0) {
                    pause(delayMs);
                }
                out.write(pieces.get(i).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    /** The SSE events of an OpenAI-style stream: one content chunk per piece, a final chunk with usage; {@code [DONE]} when asked. */
    public static List<String> openAiEvents(List<String> contents, String finishReason, int promptTokens,
                                            int completionTokens, boolean done) {
        List<String> events = new java.util.ArrayList<>();
        for (String c : contents) {
            var chunk = chunk();
            chunk.putArray("choices").addObject().put("index", 0).putNull("finish_reason")
                    .putObject("delta").put("content", c);
            events.add("data: " + chunk + "\n\n");
        }
        var last = chunk();
        last.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason).putObject("delta");
        if (promptTokens >= 0) {
            last.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                    .put("total_tokens", promptTokens + completionTokens);
        }
        events.add("data: " + last + "\n\n");
        if (done) {
            events.add("data: [DONE]\n\n");
        }
        return events;
    }

    /** The NDJSON lines of an Ollama stream: one line per piece, then the done line with durations, when asked. */
    public static List<String> ollamaLines(List<String> contents, String doneReason, int promptTokens,
                                           int completionTokens, boolean done) {
        List<String> lines = new java.util.ArrayList<>();
        for (String c : contents) {
            var line = MAPPER.createObjectNode().put("model", "fake").put("created_at", "2025-01-01T00:00:00Z");
            line.putObject("message").put("role", "assistant").put("content", c);
            lines.add(line.put("done", false) + "\n");
        }
        if (done) {
            var line = MAPPER.createObjectNode().put("model", "fake").put("created_at", "2025-01-01T00:00:01Z");
            line.putObject("message").put("role", "assistant").put("content", "");
            line.put("done", true).put("done_reason", doneReason).put("total_duration", 5_000_000L)
                    .put("load_duration", 1_000_000L).put("prompt_eval_count", promptTokens)
                    .put("prompt_eval_duration", 1_000_000L).put("eval_count", completionTokens)
                    .put("eval_duration", 2_000_000L);
            lines.add(line + "\n");
        }
        return lines;
    }

    /**
     * A well-behaved server of both wire formats: {@code /v1/models} and {@code /api/tags} list one model;
     * {@code /v1/chat/completions} streams SSE and {@code /api/chat} NDJSON, the answer cut into pieces of
     * up to 4 characters (so a chunk can hold several tokens), {@code delayMs} apart.
     */
    public static Behaviour streaming(java.util.function.Function<Request, String> content, long delayMs) {
        return (request, exchange) -> {
            if (request.path().endsWith("/models")) {
                send(exchange, 200, "application/json", "{\"object\":\"list\",\"data\":[{\"id\":\"fake-model\",\"object\":\"model\"}]}");
            } else if (request.path().equals("/api/tags")) {
                send(exchange, 200, "application/json", "{\"models\":[{\"name\":\"fake:1b\",\"model\":\"fake:1b\",\"size\":1000,"
                        + "\"digest\":\"abc123\",\"details\":{\"family\":\"fake\",\"families\":[\"fake\"],"
                        + "\"parameter_size\":\"1B\",\"quantization_level\":\"Q8_0\"}}]}");
            } else {
                List<String> pieces = pieces(content.apply(request));
                if (request.path().equals("/api/chat")) {
                    stream(exchange, "application/x-ndjson", ollamaLines(pieces, "stop", 12, pieces.size(), true), delayMs);
                } else {
                    stream(exchange, "text/event-stream", openAiEvents(pieces, "stop", 12, pieces.size(), true), delayMs);
                }
            }
        };
    }

    /** The id a llama.cpp {@code llama-server} lists for its model: the path of the file it serves. */
    public static final String LLAMA_SERVER_ID = "/models/stories260K.gguf";

    /** Like llama.cpp's {@code llama-server -m /models/stories260K.gguf}: lists its model by the file's path, streams answers. */
    public static Behaviour llamaServer(java.util.function.Function<Request, String> content) {
        Behaviour answers = streaming(content, 0);
        return (request, exchange) -> {
            if (request.path().endsWith("/models")) {
                send(exchange, 200, "application/json", "{\"object\":\"list\",\"data\":[{\"id\":\"" + LLAMA_SERVER_ID
                        + "\",\"object\":\"model\",\"owned_by\":\"llamacpp\",\"meta\":{\"n_ctx_train\":512}}]}");
            } else {
                answers.answer(request, exchange);
            }
        };
    }

    /** Cuts a text into pieces of up to 4 characters. */
    public static List<String> pieces(String text) {
        List<String> pieces = new java.util.ArrayList<>();
        for (int i = 0; i < text.length(); i += 4) {
            pieces.add(text.substring(i, Math.min(text.length(), i + 4)));
        }
        return pieces;
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode chunk() {
        return MAPPER.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000L).put("model", "fake");
    }

    private static void pause(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
