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
 * OpenAI-compatible chat completions ({@code /v1/chat/completions}): LM Studio, vLLM, llama.cpp server,
 * Ollama's compatibility endpoint. At most {@code lanes} calls are in flight per client.
 */
public final class OpenAiClient implements ModelClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String baseUrl;
    private final HttpTransport http;
    private final Retrier retrier;
    private final Semaphore lanes;

    /**
     * @param baseUrl e.g. {@code http://127.0.0.1:1234/v1}
     * @param apiKey the key read from the environment, or null; sent as a bearer token, written nowhere
     */
    public OpenAiClient(String baseUrl, String apiKey, Duration timeout, int retries, int lanes, long maxBodyBytes) {
        this.baseUrl = baseUrl;
        this.http = new HttpTransport(timeout, maxBodyBytes, apiKey);
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
        String response = http.exchange(HttpTransport.post(URI.create(baseUrl + "/chat/completions"), body, Map.of()));
        long latency = (System.nanoTime() - start) / 1_000_000;
        return parse(response, latency, charsIn);
    }

    static CallResult parse(String response, long latencyMs, int charsIn) throws CallFailure {
        JsonNode root = readJson(response);
        JsonNode choices = root.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw new CallFailure(ErrorKind.PROTOCOL, "the response has no choices");
        }
        JsonNode message = choices.get(0).path("message");
        JsonNode content = message.path("content");
        if (!content.isTextual()) {
            throw new CallFailure(ErrorKind.PROTOCOL, "the response's message content is " + (content.isMissingNode() ? "missing" : "null"));
        }
        String thinking = message.path("reasoning_content").isTextual() ? message.path("reasoning_content").asText() : null;
        JsonNode usage = root.path("usage");
        Integer promptTokens = usage.path("prompt_tokens").isInt() ? usage.path("prompt_tokens").asInt() : null;
        Integer completionTokens = usage.path("completion_tokens").isInt() ? usage.path("completion_tokens").asInt() : null;
        boolean estimated = completionTokens == null;
        if (estimated) {
            promptTokens = Math.max(1, charsIn / 4);
            completionTokens = Math.max(1, content.asText().length() / 4);
        }
        Map<String, Object> timings = new LinkedHashMap<>();
        root.path("timings").fields().forEachRemaining(e -> timings.put(e.getKey(), e.getValue().numberValue()));
        String finish = choices.get(0).path("finish_reason").isTextual() ? choices.get(0).path("finish_reason").asText() : null;
        return new CallResult(content.asText(), thinking, null, null, 200, latencyMs, null, promptTokens, completionTokens,
                estimated, finish, 1, List.of(), Map.copyOf(timings), charsIn, content.asText().length());
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

    private static String requestBody(ChatRequest request) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", request.model());
        var messages = body.putArray("messages");
        request.messages().forEach(m -> messages.addObject().put("role", m.role()).put("content", m.content()));
        body.put("temperature", request.options().temperature());
        body.put("max_tokens", request.options().numPredict());
        if (request.options().seed() != null) {
            body.put("seed", request.options().seed());
        }
        body.put("stream", false);
        return body.toString();
    }

    @Override
    public List<String> listModels() throws CallFailure {
        JsonNode root = readJson(http.exchange(HttpTransport.get(URI.create(baseUrl + "/models"))));
        List<String> ids = new ArrayList<>();
        root.path("data").forEach(m -> {
            if (m.path("id").isTextual()) {
                ids.add(m.path("id").asText());
            }
        });
        return ids;
    }

    @Override
    public String provider() {
        return "openai";
    }
}
