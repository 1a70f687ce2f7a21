package org.llmbench.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one attempt has received so far, whatever the wire format: answer and thinking text, finish reason,
 * server-reported token counts and timings. Turns into a {@link CallResult}, estimating what the server did not report.
 */
final class AnswerParts {

    private final StringBuilder content = new StringBuilder();
    private final StringBuilder thinking = new StringBuilder();
    private boolean sawContent;
    String finishReason;
    /** The token counts as the server sent them (checked in {@link #result}); missing when not sent. */
    JsonNode promptTokens = MissingNode.getInstance();
    JsonNode completionTokens = MissingNode.getInstance();
    final Map<String, Object> timings = new LinkedHashMap<>();
    /** The function calls of the answer, when the request offered functions. */
    final ToolCallAssembler toolCalls = new ToolCallAssembler();

    void content(String piece, StreamTimer timer) {
        if (piece != null) {
            sawContent = true;
            content.append(piece);
            timer.piece(piece);
        }
    }

    void thinking(String piece, StreamTimer timer) {
        if (piece != null) {
            thinking.append(piece);
            timer.piece(piece);
        }
    }

    /** The calls of a {@code tool_calls} field ({@code byIndex}: a streamed answer's pieces); their text times the stream too. */
    void toolCalls(JsonNode field, boolean byIndex, StreamTimer timer) {
        String taken = WireJson.toolCalls(field, toolCalls, byIndex);
        if (!taken.isEmpty()) {
            timer.piece(taken);
        }
    }

    boolean hasAnswer() {
        return sawContent || thinking.length() > 0 || toolCalls.any();
    }

    /** Copies the numeric and true/false fields of a timings object (a {@code truncated} flag) as the server sent them. */
    void timings(JsonNode node) {
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                timings.put(e.getKey(), e.getValue().numberValue());
            } else if (e.getValue().isBoolean()) {
                timings.put(e.getKey(), e.getValue().booleanValue());
            }
        });
    }

    /**
     * The call's result. Counts and timings outside physical bounds ({@link Plausibility}) are kept apart as
     * implausible; a count the server did not send, or sent implausibly, is the tokenizer's estimate.
     */
    CallResult result(StreamTimer timer, List<ChatMessage> messages, int charsIn, boolean streamed) {
        String answer = content.toString();
        String thought = thinking.length() == 0 ? null : thinking.toString();
        ToolCalls calls = toolCalls.result();
        // A call's name and arguments are generated text too: counts and speeds are bounded by them as well.
        String generatedText = calls == null ? answer : answer + calls.text();
        Plausibility check = new Plausibility();
        long generated = Plausibility.generatedBound(generatedText, thought);
        long sent = Plausibility.promptBound(messages);
        Integer serverPrompt = check.tokens("prompt_tokens", promptTokens, sent, "the messages sent");
        Integer serverCompletion = check.tokens("completion_tokens", completionTokens, generated,
                "the text generated (" + (generated - Plausibility.TOKEN_SLACK) + " bytes)");
        Map<String, Object> plausibleTimings = check.timings(timings, generated, sent);
        boolean estimated = serverPrompt == null || serverCompletion == null;
        int prompt = serverPrompt != null ? serverPrompt : TokenCounter.count(messages);
        int completion = serverCompletion != null ? serverCompletion
                : TokenCounter.count(generatedText) + TokenCounter.count(thought);
        long latency = timer.latencyMs();
        check.speed("server_completion_tokens_per_s", Plausibility.serverSpeed(plausibleTimings));
        check.speed("completion_tokens_per_s", latency > 0 ? completion * 1000.0 / latency : null);
        return new CallResult(answer, thought, null, null, 200, latency, streamed ? timer.ttftMs() : null,
                prompt, completion, estimated, finishReason, 1, List.of(), Map.copyOf(plausibleTimings), charsIn,
                generatedText.length(), streamed ? timer.gaps(serverCompletion) : null, streamed, null, check.found(), calls);
    }
}
