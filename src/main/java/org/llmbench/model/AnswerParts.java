package org.llmbench.model;

import com.fasterxml.jackson.databind.JsonNode;
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
    Integer promptTokens;
    Integer completionTokens;
    final Map<String, Object> timings = new LinkedHashMap<>();

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

    boolean hasAnswer() {
        return sawContent || thinking.length() > 0;
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

    static Integer count(JsonNode node) {
        return node.isIntegralNumber() && node.asLong() >= 0 && node.canConvertToInt() ? node.asInt() : null;
    }

    CallResult result(StreamTimer timer, List<ChatMessage> messages, int charsIn, boolean streamed) {
        String answer = content.toString();
        String thought = thinking.length() == 0 ? null : thinking.toString();
        boolean estimated = promptTokens == null || completionTokens == null;
        int prompt = promptTokens != null ? promptTokens : TokenCounter.count(messages);
        int completion = completionTokens != null ? completionTokens
                : TokenCounter.count(answer) + TokenCounter.count(thought);
        return new CallResult(answer, thought, null, null, 200, timer.latencyMs(), streamed ? timer.ttftMs() : null,
                prompt, completion, estimated, finishReason, 1, List.of(), Map.copyOf(timings), charsIn,
                answer.length(), streamed ? timer.gaps(completionTokens) : null, streamed);
    }
}
