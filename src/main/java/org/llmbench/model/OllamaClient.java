package org.llmbench.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Ollama's native chat API ({@code /api/chat}), the only one on which Ollama honours {@code num_ctx};
 * the server's own durations (nanoseconds) are kept as server timings.
 */
public final class OllamaClient implements ModelClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> TIMING_FIELDS = List.of("total_duration", "load_duration", "prompt_eval_count",
            "prompt_eval_duration", "eval_count", "eval_duration");

    private final String baseUrl;
    private final HttpTransport http;
    private final Retrier retrier;
    private final Semaphore lanes;

    public OllamaClient(String baseUrl, Duration timeout, int retries, int lanes, long maxBodyBytes) {
        this.baseUrl = baseUrl;
        this.http = new HttpTransport(timeout, maxBodyBytes, null);
        this.retrier = new Retrier(retries, 500);
        this.lanes = new Semaphore(lanes, true);
    }

    @Override
    public CallResult chat(ChatRequest request) {
        String body = requestBody(request);
        int charsIn = request.charsIn();
        lanes.acquireUninterruptibly();
        try {
            return retrier.call(charsIn, attempt -> once(body, charsIn));
        } finally {
            lanes.release();
        }
    }

    private CallResult once(String body, int charsIn) throws CallFailure {
        long start = System.nanoTime();
        String response = http.exchange(HttpTransport.post(URI.create(baseUrl + "/api/chat"), body, Map.of()));
        long latency = (System.nanoTime() - start) / 1_000_000;
        JsonNode root = readJson(response);
        JsonNode content = root.path("message").path("content");
        if (!content.isTextual()) {
            throw new CallFailure(ErrorKind.PROTOCOL, "the response has no message content");
        }
        JsonNode thinking = root.path("message").path("thinking");
        Map<String, Object> timings = new LinkedHashMap<>();
        for (String field : TIMING_FIELDS) {
            if (root.path(field).isNumber()) {
                timings.put(field, root.path(field).numberValue());
            }
        }
        boolean estimated = !root.path("eval_count").isNumber();
        int promptTokens = estimated ? Math.max(1, charsIn / 4) : root.path("prompt_eval_count").asInt();
        int completionTokens = estimated ? Math.max(1, content.asText().length() / 4) : root.path("eval_count").asInt();
        return new CallResult(content.asText(), thinking.isTextual() ? thinking.asText() : null, null, null, 200, latency,
                null, promptTokens, completionTokens, estimated, root.path("done_reason").asText(null), 1, List.of(),
                Map.copyOf(timings), charsIn, content.asText().length());
    }

    private static String requestBody(ChatRequest request) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", request.model());
        var messages = body.putArray("messages");
        request.messages().forEach(m -> messages.addObject().put("role", m.role()).put("content", m.content()));
        body.put("stream", false);
        ObjectNode options = body.putObject("options");
        options.put("temperature", request.options().temperature());
        options.put("num_ctx", request.options().numCtx());
        options.put("num_predict", request.options().numPredict());
        if (request.options().seed() != null) {
            options.put("seed", request.options().seed());
        }
        return body.toString();
    }

    private static JsonNode readJson(String text) throws CallFailure {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new CallFailure(ErrorKind.PROTOCOL, "the response is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new CallFailure(ErrorKind.PROTOCOL, "the response is not valid JSON: " + e.getOriginalMessage());
        }
    }

    @Override
    public List<String> listModels() throws CallFailure {
        JsonNode root = readJson(http.exchange(HttpTransport.get(URI.create(baseUrl + "/api/tags"))));
        List<String> names = new ArrayList<>();
        root.path("models").forEach(m -> {
            if (m.path("name").isTextual()) {
                names.add(m.path("name").asText());
            }
        });
        return names;
    }

    @Override
    public String provider() {
        return "ollama";
    }
}
