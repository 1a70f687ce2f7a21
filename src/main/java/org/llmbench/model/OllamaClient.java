package org.llmbench.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ollama's native chat API ({@code /api/chat}), the only one on which Ollama honours {@code num_ctx}. Streams
 * NDJSON up to the object with {@code done: true}, whose durations (nanoseconds) are kept as server timings;
 * a reasoning model's {@code message.thinking} is kept apart from the answer.
 */
public final class OllamaClient extends HttpChatClient {

    static final List<String> TIMING_FIELDS = List.of("total_duration", "load_duration", "prompt_eval_count",
            "prompt_eval_duration", "eval_count", "eval_duration");

    private final LogprobEndpoint generate;

    /** @param settings base URL without a path, e.g. {@code http://127.0.0.1:11434} */
    public OllamaClient(ClientSettings settings) {
        super(settings, "/api/chat", "/api/tags");
        this.generate = new LogprobEndpoint(this, "/api/generate", CompletionRequests::ollama);
    }

    /** From {@code /api/generate} with {@code raw} and {@code logprobs} (Ollama's logprobs, late 2025). */
    @Override
    public LogprobResult logprobs(LogprobRequest request) {
        return generate.logprobs(request);
    }

    @Override
    String requestBody(ChatRequest request) {
        return WireJson.object(json -> {
            json.writeStringField("model", request.model());
            WireJson.messages(json, request.messages(), OllamaClient::toolFields);
            if (request.tools() != null) {
                WireJson.tools(json, request.tools());
            }
            json.writeBooleanField("stream", true);
            json.writeObjectFieldStart("options");
            json.writeNumberField("temperature", request.options().temperature());
            json.writeNumberField("num_ctx", request.options().numCtx());
            json.writeNumberField("num_predict", request.options().numPredict());
            if (request.options().seed() != null) {
                json.writeNumberField("seed", request.options().seed());
            }
            json.writeEndObject();
        });
    }

    /** An assistant turn's calls ({@code arguments} as an object, as Ollama sends them) and the function a result answers. */
    private static void toolFields(com.fasterxml.jackson.core.JsonGenerator json, ChatMessage m) throws IOException {
        if (!m.toolCalls().isEmpty()) {
            json.writeArrayFieldStart("tool_calls");
            for (ToolCall call : m.toolCalls()) {
                json.writeStartObject();
                json.writeObjectFieldStart("function");
                json.writeStringField("name", call.name());
                json.writeFieldName("arguments");
                json.writeTree(argumentsObject(call.arguments()));
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (m.role().equals("tool") && m.toolName() != null) {
            json.writeStringField("tool_name", m.toolName());
        }
    }

    /** The arguments as the object Ollama expects; text that is no JSON object goes back as an empty one. */
    private static JsonNode argumentsObject(String arguments) {
        try {
            JsonNode node = arguments == null ? null : org.llmbench.json.Json.MAPPER.readTree(arguments);
            return node != null && node.isObject() ? node : org.llmbench.json.Json.MAPPER.createObjectNode();
        } catch (IOException e) {
            return org.llmbench.json.Json.MAPPER.createObjectNode();
        }
    }

    /** Ollama streams {@code application/x-ndjson}; a plain JSON body is a whole answer. */
    @Override
    boolean isStream(String mediaType) {
        return !mediaType.equals("application/json");
    }

    /**
     * As the OpenAI client does: lines are kept with their arrival times and parsed once the stream has ended, so
     * no JSON is parsed while the model generates. A line that may end the stream or report an error (it holds
     * {@code "done": true} or {@code "error"} as JSON text, which generated text, its quotes escaped, cannot
     * forge) is parsed at once, after the lines before it.
     */
    @Override
    void readStream(BodyLines lines, AnswerParts parts, StreamTimer timer) throws IOException, CallFailure {
        NdjsonReader objects = new NdjsonReader(lines);
        List<String> received = new ArrayList<>();
        List<Long> arrived = new ArrayList<>();
        String line;
        while ((line = objects.nextLine()) != null) {
            long at = timer.now();
            received.add(line);
            arrived.add(at);
            boolean last = LAST.matcher(line).find();
            if (!last && !line.contains("\"error\"")) {
                continue;
            }
            if (last) {
                timer.finish();
            }
            for (int i = 0; i < received.size(); i++) {
                timer.arrivedAt(arrived.get(i));
                if (accept(NdjsonReader.parse(received.get(i)), parts, timer)) {
                    timer.finish();
                    timer.arrivedAt(-1);
                    if (!parts.hasAnswer()) {
                        throw new CallFailure(ErrorKind.PROTOCOL, "the stream's message content is null in every line");
                    }
                    return;
                }
            }
            timer.arrivedAt(-1);
            received.clear();
            arrived.clear();
        }
        for (int i = 0; i < received.size(); i++) {
            timer.arrivedAt(arrived.get(i));
            accept(NdjsonReader.parse(received.get(i)), parts, timer);
        }
        timer.arrivedAt(-1);
        throw new CallFailure(ErrorKind.PROTOCOL, "the stream ended without an object with done: true");
    }

    /** The last line of a stream holds {@code "done": true}; its time is the answer's end, before any parsing. */
    private static final java.util.regex.Pattern LAST = java.util.regex.Pattern.compile("\"done\"\\s*:\\s*true");

    @Override
    void readWhole(JsonNode root, AnswerParts parts, StreamTimer timer) throws CallFailure {
        accept(root, parts, timer);
        if (!parts.hasAnswer()) {
            throw new CallFailure(ErrorKind.PROTOCOL, "the response has no message content");
        }
    }

    /** Takes one object of the answer; true when it is the last one ({@code done: true}). */
    private static boolean accept(JsonNode object, AnswerParts parts, StreamTimer timer) throws CallFailure {
        CallFailure error = BodyError.in(object, "in the answer");
        if (error != null) {
            throw error;
        }
        JsonNode message = object.path("message");
        parts.thinking(WireJson.text(message, "thinking"), timer);
        parts.content(WireJson.text(message, "content"), timer);
        // Ollama sends each call whole (arguments as an object), in the line that has it, not in pieces.
        parts.toolCalls(message.path("tool_calls"), false, timer);
        if (!object.path("done").asBoolean(false)) {
            return false;
        }
        parts.finishReason = WireJson.text(object, "done_reason");
        parts.promptTokens = object.path("prompt_eval_count");
        parts.completionTokens = object.path("eval_count");
        for (String field : TIMING_FIELDS) {
            if (object.path(field).isNumber()) {
                parts.timings.put(field, object.path(field).numberValue());
            }
        }
        return true;
    }

    /** From {@code /api/tags}: size, digest, modified_at and details.family / parameter_size / quantization_level. */
    @Override
    Map<String, Map<String, Object>> modelDetails(JsonNode listing) {
        return WireJson.byName(listing.path("models"), "name", Set.of("model"));
    }

    @Override
    public String provider() {
        return "ollama";
    }
}
