package org.llmbench.model;

import java.util.List;
import java.util.Map;

/**
 * Everything recorded about one model call (all attempts), successful or not. Never thrown: a failed call
 * is a result with an {@link #errorKind}.
 *
 * @param content the answer that is scored; null when the call failed
 * @param thinking a reasoning model's separate thinking, kept in the ledger, never scored
 * @param latencyMs send to last byte of the final attempt
 * @param ttftMs send to first content token, when streamed
 * @param tokensEstimated true when token counts are estimates, not server-reported
 * @param serverTimings the server's own timings (Ollama durations, llama.cpp {@code timings}), as sent
 * @param retryWaitsMs the wait before each retry, in order
 */
public record CallResult(
        String content,
        String thinking,
        ErrorKind errorKind,
        String errorMessage,
        Integer httpStatus,
        long latencyMs,
        Long ttftMs,
        Integer promptTokens,
        Integer completionTokens,
        boolean tokensEstimated,
        String finishReason,
        int attempts,
        List<Long> retryWaitsMs,
        Map<String, Object> serverTimings,
        int charsIn,
        int charsOut) {

    public boolean ok() {
        return errorKind == null;
    }

    /** Completion tokens per second over the whole call, when tokens are known. */
    public Double completionTokensPerSecond() {
        if (completionTokens == null || latencyMs <= 0) {
            return null;
        }
        return completionTokens * 1000.0 / latencyMs;
    }

    /** A successful answer with no timing detail beyond latency (the mock and replay use it). */
    public static CallResult answer(String content, long latencyMs, int charsIn, Integer promptTokens,
                                    Integer completionTokens, boolean estimated) {
        return new CallResult(content, null, null, null, null, latencyMs, null, promptTokens, completionTokens,
                estimated, "stop", 1, List.of(), Map.of(), charsIn, content.length());
    }

    /** A failed call after the given attempts. */
    public static CallResult failure(CallFailure failure, long latencyMs, int attempts, List<Long> waits, int charsIn) {
        return new CallResult(null, null, failure.kind(), failure.getMessage(), failure.httpStatus(), latencyMs, null,
                null, null, false, null, attempts, List.copyOf(waits), Map.of(), charsIn, 0);
    }
}
