package org.llmbench.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A CPU-bound stand-in for llama.cpp's {@code llama-server}, run as a child process: every generated token costs
 * a fixed, calibrated amount of CPU work, so a client that takes CPU from it lowers the tokens/s it reports, as a
 * real model on the same cores would. It streams (SSE for {@code /v1/chat/completions}, NDJSON for Ollama's
 * {@code /api/chat}) or answers whole, and reports llama.cpp-shaped {@code timings} (and Ollama's durations).
 *
 * <p>Arguments: {@code port} (0 picks one), {@code microsPerToken} (CPU per token when it has a core to itself),
 * {@code tokens} (generated per request). It prints {@code port=N} once it listens. {@code GET /stats} gives the
 * per-request figures since the last {@code POST /stats/reset}: the benchmark reads the server's own view.
 */
public final class StandInServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = {" Once", " upon", " a", " time", ",", " there", " was", " a", " little",
            " girl", " named", " Lily", ".", " She", " loved", " to", " play", " outside", " in", " the", " park", "."};

    /** One request as the server saw it, in nanoseconds of its own clock. */
    private record Served(long arrived, long firstToken, long finished, int promptTokens, int tokens,
                          double promptMs, double predictedMs) {
    }

    private final long iterationsPerToken;
    private final int tokens;
    private final List<Served> served = new ArrayList<>();
    private volatile long sink;

    private StandInServer(long iterationsPerToken, int tokens) {
        this.iterationsPerToken = iterationsPerToken;
        this.tokens = tokens;
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        double microsPerToken = args.length > 1 ? Double.parseDouble(args[1]) : 400;
        int tokens = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        StandInServer s = new StandInServer(calibrate(microsPerToken), tokens);
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        http.setExecutor(Executors.newFixedThreadPool(32));
        http.createContext("/v1/chat/completions", e -> s.handle(e, false));
        http.createContext("/api/chat", e -> s.handle(e, true));
        http.createContext("/v1/models", e -> send(e, 200, "application/json", "{\"object\":\"list\",\"data\":[{\"id\":\"stand-in\",\"object\":\"model\"}]}"));
        http.createContext("/api/tags", e -> send(e, 200, "application/json", "{\"models\":[{\"name\":\"stand-in\",\"model\":\"stand-in\"}]}"));
        http.createContext("/stats", s::stats);
        http.start();
        System.out.println("port=" + http.getAddress().getPort());
        System.out.flush();
    }

    /**
     * Iterations of {@link #work} that take {@code micros} of this thread's CPU time, measured on CPU time (not wall
     * time) so the calibration holds on a busy machine; after a warm-up, so the loop is compiled as it will run.
     */
    private static long calibrate(double micros) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long probe = 2_000_000;
        long acc = 0;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 25; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            acc += work(probe, acc);
            double nanosPerIteration = (double) (threads.getCurrentThreadCpuTime() - cpu) / probe;
            if (round >= 5 && nanosPerIteration > 0) {
                best = Math.min(best, nanosPerIteration);
            }
        }
        System.err.printf("stand-in: %.3f ns per iteration (%d)%n", best, acc & 1);
        return Math.max(1, Math.round(micros * 1000 / best));
    }

    /** Arithmetic that cannot be folded away: a xorshift chain. */
    private static long work(long iterations, long seed) {
        long x = seed | 1;
        for (long i = 0; i < iterations; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    private void handle(HttpExchange e, boolean ollama) throws IOException {
        long arrived = System.nanoTime();
        JsonNode body = JSON.readTree(e.getRequestBody());
        boolean stream = ollama ? body.path("stream").asBoolean(true) : body.path("stream").asBoolean(false);
        int limit = ollama ? body.path("options").path("num_predict").asInt(tokens) : body.path("max_tokens").asInt(tokens);
        int n = Math.max(1, Math.min(tokens, limit));
        int promptTokens = Math.max(1, body.path("messages").toString().length() / 4);
        // Prompt processing: a tenth of a generated token's work per prompt token, as batched prompt evaluation is.
        sink += work(iterationsPerToken * promptTokens / 10, arrived);
        long promptDone = System.nanoTime();
        e.getResponseHeaders().set("Content-Type", !stream ? "application/json" : ollama ? "application/x-ndjson" : "text/event-stream");
        e.sendResponseHeaders(200, 0);
        StringBuilder text = new StringBuilder();
        long firstToken = 0;
        try (OutputStream out = e.getResponseBody()) {
            for (int i = 0; i < n; i++) {
                sink += work(iterationsPerToken, sink);
                String word = WORDS[i % WORDS.length];
                text.append(word);
                if (i == 0) {
                    firstToken = System.nanoTime();
                }
                if (stream) {
                    out.write((ollama ? ollamaChunk(word) : "data: " + openAiChunk(word) + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
            long done = System.nanoTime();
            double promptMs = (promptDone - arrived) / 1e6;
            double predictedMs = (done - promptDone) / 1e6;
            ObjectNode timings = timings(promptTokens, promptMs, n, predictedMs);
            String last;
            if (ollama) {
                ObjectNode o = JSON.createObjectNode().put("model", "stand-in").put("created_at", "2026-01-01T00:00:00Z");
                o.putObject("message").put("role", "assistant").put("content", stream ? "" : text.toString());
                o.put("done", true).put("done_reason", "stop").put("total_duration", done - arrived).put("load_duration", 0)
                        .put("prompt_eval_count", promptTokens).put("prompt_eval_duration", promptDone - arrived)
                        .put("eval_count", n).put("eval_duration", done - promptDone);
                last = o + "\n";
            } else if (stream) {
                ObjectNode o = JSON.createObjectNode().put("object", "chat.completion.chunk");
                ObjectNode choice = o.putArray("choices").addObject();
                choice.putObject("delta");
                choice.put("finish_reason", "stop").put("index", 0);
                o.set("usage", usage(promptTokens, n));
                o.set("timings", timings);
                last = "data: " + o + "\n\ndata: [DONE]\n\n";
            } else {
                ObjectNode o = JSON.createObjectNode().put("object", "chat.completion");
                ObjectNode choice = o.putArray("choices").addObject();
                choice.putObject("message").put("role", "assistant").put("content", text.toString());
                choice.put("finish_reason", "stop").put("index", 0);
                o.set("usage", usage(promptTokens, n));
                o.set("timings", timings);
                last = o.toString();
            }
            out.write(last.getBytes(StandardCharsets.UTF_8));
            out.flush();
            synchronized (served) {
                served.add(new Served(arrived, firstToken, System.nanoTime(), promptTokens, n, promptMs, predictedMs));
            }
        }
    }

    private static String openAiChunk(String word) {
        ObjectNode o = JSON.createObjectNode().put("object", "chat.completion.chunk");
        ObjectNode choice = o.putArray("choices").addObject();
        choice.putObject("delta").put("content", word);
        choice.putNull("finish_reason");
        choice.put("index", 0);
        return o.toString();
    }

    private static String ollamaChunk(String word) {
        ObjectNode o = JSON.createObjectNode().put("model", "stand-in").put("created_at", "2026-01-01T00:00:00Z");
        o.putObject("message").put("role", "assistant").put("content", word);
        o.put("done", false);
        return o + "\n";
    }

    private static ObjectNode usage(int prompt, int completion) {
        return JSON.createObjectNode().put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
    }

    /** The fields of llama.cpp's {@code timings}, computed the same way. */
    private static ObjectNode timings(int promptN, double promptMs, int predictedN, double predictedMs) {
        return JSON.createObjectNode().put("prompt_n", promptN).put("prompt_ms", promptMs)
                .put("prompt_per_token_ms", promptMs / promptN).put("prompt_per_second", 1e3 * promptN / promptMs)
                .put("predicted_n", predictedN).put("predicted_ms", predictedMs)
                .put("predicted_per_token_ms", predictedMs / predictedN)
                .put("predicted_per_second", 1e3 * predictedN / predictedMs);
    }

    /** GET: the requests served since the last reset, one JSON object each; POST: reset. */
    private void stats(HttpExchange e) throws IOException {
        e.getRequestBody().readAllBytes();
        List<Served> copy;
        synchronized (served) {
            copy = List.copyOf(served);
            if (e.getRequestMethod().equals("POST")) {
                served.clear();
            }
        }
        var array = JSON.createArrayNode();
        for (Served s : copy) {
            array.addObject().put("arrived_ns", s.arrived()).put("first_token_ns", s.firstToken())
                    .put("finished_ns", s.finished()).put("prompt_n", s.promptTokens()).put("predicted_n", s.tokens())
                    .put("prompt_ms", s.promptMs()).put("predicted_ms", s.predictedMs());
        }
        send(e, 200, "application/json", array.toString());
    }

    private static void send(HttpExchange e, int status, String type, String body) throws IOException {
        e.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", type);
        e.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(bytes);
        }
    }
}
