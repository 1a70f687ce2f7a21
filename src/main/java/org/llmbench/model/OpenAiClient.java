package org.llmbench.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenAI-compatible chat completions ({@code /v1/chat/completions}): LM Studio, vLLM, llama.cpp server,
 * Ollama's compatibility endpoint. Asks for an SSE stream with usage in the final chunk; reads a whole JSON
 * body instead when the server answers without streaming. llama.cpp's {@code timings} are kept as sent.
 */
public final class OpenAiClient extends HttpChatClient {

    /** What llama.cpp builds without streamed tool calls answer (HTTP 500) to a streamed request that offers tools. */
    static final String NO_TOOL_STREAM = "Cannot use tools with stream";

    // Set once the server said it cannot stream tool calls: from then on calls that offer tools ask for a whole body.
    private volatile boolean toolsWhole;

    private final LogprobEndpoint completions;

    /** @param settings base URL e.g. {@code http://127.0.0.1:1234/v1}; the API key is sent as a bearer token */
    public OpenAiClient(ClientSettings settings) {
        super(settings, "/chat/completions", "/models");
        this.completions = new LogprobEndpoint(this, "/completions", CompletionRequests::openAi);
    }

    /** From {@code /completions} with {@code logprobs} (llama-server, vLLM, OpenAI's legacy completions). */
    @Override
    public LogprobResult logprobs(LogprobRequest request) {
        return completions.logprobs(request);
    }

    @Override
    String requestBody(ChatRequest request) {
        return WireJson.object(json -> {
            json.writeStringField("model", request.model());
            WireJson.messages(json, request.messages(), OpenAiClient::toolFields);
            json.writeNumberField("temperature", request.options().temperature());
            json.writeNumberField("max_tokens", request.options().numPredict());
            if (request.options().seed() != null) {
                json.writeNumberField("seed", request.options().seed());
            }
            boolean stream = request.tools() == null || !toolsWhole;
            if (request.tools() != null) {
                WireJson.tools(json, request.tools());
                json.writeStringField("tool_choice", request.tools().choice());
            }
            json.writeBooleanField("stream", stream);
            if (stream) {
                json.writeObjectFieldStart("stream_options");
                json.writeBooleanField("include_usage", true);
                json.writeEndObject();
            }
        });
    }

    /** An assistant turn's calls ({@code arguments} as a JSON string) and the call id a {@code tool} message answers. */
    private static void toolFields(com.fasterxml.jackson.core.JsonGenerator json, ChatMessage m) throws IOException {
        if (!m.toolCalls().isEmpty()) {
            json.writeArrayFieldStart("tool_calls");
            for (int i = 0; i < m.toolCalls().size(); i++) {
                ToolCall call = m.toolCalls().get(i);
                json.writeStartObject();
                json.writeStringField("id", callId(call, i));
                json.writeStringField("type", "function");
                json.writeObjectFieldStart("function");
                json.writeStringField("name", call.name());
                json.writeStringField("arguments", call.arguments());
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (m.role().equals("tool")) {
            json.writeStringField("tool_call_id", m.toolCallId() == null ? "call_0" : m.toolCallId());
        }
    }

    /** The call's own id, or {@code call_N} for a server that gave none (the result must name the same one). */
    static String callId(ToolCall call, int n) {
        return call.id() != null && !call.id().isBlank() ? call.id() : "call_" + n;
    }

    /** A llama.cpp build that cannot stream tool calls: ask again without streaming, and from now on. */
    @Override
    boolean askAgain(ChatRequest request, CallResult failed) {
        if (request.tools() != null && !toolsWhole && failed.errorMessage() != null
                && failed.errorMessage().contains(NO_TOOL_STREAM)) {
            toolsWhole = true;
            return true;
        }
        return false;
    }

    @Override
    boolean isStream(String mediaType) {
        return mediaType.equals("text/event-stream");
    }

    /**
     * Reads the events as they come, noting only when each arrived, and parses them once the stream has ended: no
     * JSON is parsed while the model generates (in a cold JVM that parsing lagged behind a fast model's chunks and
     * took CPU from it). Each piece keeps the arrival time of its event. An event that may be an error object (it
     * holds {@code "error"} as JSON text; quotes inside generated text are escaped, so model output cannot forge it)
     * is parsed at once, so a server that reports an error and keeps the connection open fails the call then.
     */
    @Override
    void readStream(BodyLines lines, AnswerParts parts, StreamTimer timer) throws IOException, CallFailure {
        SseReader events = new SseReader(lines);
        List<String> received = new ArrayList<>();
        long[] arrived = new long[64];
        boolean done = false;
        String data;
        while ((data = events.next()) != null) {
            long at = timer.now();
            if (events.wasError()) {
                // llama.cpp's `error: {"code":500,"message":...}`, sent after the 200 status line
                throw BodyError.of(errorValue(data), "in the stream");
            }
            if (data.strip().equals(SseReader.DONE)) {
                timer.finish();
                done = true;
                break;
            }
            if (data.contains("\"error\"")) {
                failOnError(WireJson.object(data, "stream event"), "in the stream");
            }
            if (received.size() == arrived.length) {
                arrived = java.util.Arrays.copyOf(arrived, arrived.length * 2);
            }
            arrived[received.size()] = at;
            received.add(data);
        }
        boolean sawChoices = false;
        for (int i = 0; i < received.size(); i++) {
            timer.arrivedAt(arrived[i]);
            JsonNode chunk = WireJson.object(received.get(i), "stream event");
            failOnError(chunk, "in the stream");
            JsonNode choices = chunk.path("choices");
            if (choices.isArray() && !choices.isEmpty()) {
                sawChoices = true;
                JsonNode choice = choices.get(0);
                JsonNode delta = choice.path("delta");
                parts.thinking(thinking(delta), timer);
                parts.content(WireJson.text(delta, "content"), timer);
                parts.toolCalls(delta.path("tool_calls"), true, timer);
                if (choice.path("finish_reason").isTextual()) {
                    parts.finishReason = choice.path("finish_reason").asText();
                }
            }
            usageAndTimings(chunk, parts);
        }
        timer.arrivedAt(-1);
        if (!done) {
            throw new CallFailure(ErrorKind.PROTOCOL, "the stream ended without data: [DONE]");
        }
        if (!sawChoices) {
            throw new CallFailure(ErrorKind.PROTOCOL, "the stream carried no choices");
        }
        if (!parts.hasAnswer()) {
            throw new CallFailure(ErrorKind.PROTOCOL, "the stream's content is null in every chunk");
        }
    }

    @Override
    void readWhole(JsonNode root, AnswerParts parts, StreamTimer timer) throws CallFailure {
        failOnError(root, "in the body");
        JsonNode choices = root.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw new CallFailure(ErrorKind.PROTOCOL, "the response has no choices");
        }
        JsonNode message = choices.get(0).path("message");
        parts.thinking(thinking(message), timer);
        parts.content(WireJson.text(message, "content"), timer);
        parts.toolCalls(message.path("tool_calls"), false, timer);
        if (!parts.hasAnswer()) {
            throw new CallFailure(ErrorKind.PROTOCOL, "the response's message content is "
                    + (message.path("content").isMissingNode() ? "missing" : "null"));
        }
        parts.finishReason = WireJson.text(choices.get(0), "finish_reason");
        usageAndTimings(root, parts);
    }

    /** llama.cpp and vLLM call it {@code reasoning_content}; some servers {@code reasoning}. */
    private static String thinking(JsonNode node) {
        String text = WireJson.text(node, "reasoning_content");
        return text != null ? text : WireJson.text(node, "reasoning");
    }

    private static void usageAndTimings(JsonNode node, AnswerParts parts) {
        JsonNode usage = node.path("usage");
        if (usage.isObject()) {
            parts.promptTokens = usage.path("prompt_tokens");
            parts.completionTokens = usage.path("completion_tokens");
        }
        if (node.path("timings").isObject()) {
            parts.timings(node.path("timings"));
        }
        if (node.path("truncated").isBoolean()) {
            // llama.cpp's own word that it cut the prompt to fit the slot (its native /completion answer has it)
            parts.timings.put("truncated", node.path("truncated").asBoolean());
        }
    }

    /** An {@code error:} line's value: its JSON object, or its text when it is not one. */
    private static JsonNode errorValue(String data) {
        try {
            return WireJson.object(data, "stream error");
        } catch (CallFailure notJson) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(data);
        }
    }

    /** A server that fails after the headers (vLLM, llama.cpp) sends an {@code error} object in the body. */
    private static void failOnError(JsonNode node, String where) throws CallFailure {
        CallFailure error = BodyError.in(node, where);
        if (error != null) {
            throw error;
        }
    }

    /** From {@code /v1/models}: whatever the server adds to each entry (owned_by, created, vLLM's max_model_len...). */
    @Override
    Map<String, Map<String, Object>> modelDetails(JsonNode listing) {
        return WireJson.byName(listing.path("data"), "id", Set.of("object"));
    }

    @Override
    public String provider() {
        return "openai";
    }
}
