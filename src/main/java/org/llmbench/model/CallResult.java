package org.llmbench.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Everything recorded about one model call (all attempts), successful or not. Never thrown: a failed call
 * is a result with an {@link #errorKind}.
 *
 * @param content the answer that is scored; null when the call failed
 * @param thinking a reasoning model's separate thinking, kept in the ledger, never scored
 * @param latencyMs send to last byte of the final attempt
 * @param ttftMs send to the first generated token (thinking or answer), when streamed
 * @param tokensEstimated true when a token count is an estimate (jtokkit), not server-reported
 * @param serverTimings the server's own timings (Ollama durations, llama.cpp {@code timings}), as sent
 * @param retryWaitsMs the wait before each retry, in order
 * @param tokenGaps inter-token gaps of a streamed answer, per token; null when not streamed
 * @param streamed true when the answer arrived as a stream (SSE or NDJSON), false for a whole-body answer
 * @param server the base URL of the server that answered when a run spreads over several ({@code bench.url=a,b}); else null
 * @param implausible figures the server sent that cannot be true ({@link Plausibility}), kept apart with their raw
 *                    values: none of them is among the counts, timings and speeds above
 * @param toolCalls the function calls the answer made through the server's tool API; null when it made none
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
        int charsOut,
        TokenGaps tokenGaps,
        boolean streamed,
        String server,
        List<Implausible> implausible,
        ToolCalls toolCalls) {

    public CallResult {
        implausible = implausible == null ? List.of() : List.copyOf(implausible);
    }

    /** The shape before tool calls: none made. */
    public CallResult(String content, String thinking, ErrorKind errorKind, String errorMessage, Integer httpStatus,
                      long latencyMs, Long ttftMs, Integer promptTokens, Integer completionTokens,
                      boolean tokensEstimated, String finishReason, int attempts, List<Long> retryWaitsMs,
                      Map<String, Object> serverTimings, int charsIn, int charsOut, TokenGaps tokenGaps, boolean streamed,
                      String server, List<Implausible> implausible) {
        this(content, thinking, errorKind, errorMessage, httpStatus, latencyMs, ttftMs, promptTokens, completionTokens,
                tokensEstimated, finishReason, attempts, retryWaitsMs, serverTimings, charsIn, charsOut, tokenGaps, streamed,
                server, implausible, null);
    }

    /** This result with the function calls the answer made. */
    public CallResult withToolCalls(ToolCalls calls) {
        return new CallResult(content, thinking, errorKind, errorMessage, httpStatus, latencyMs, ttftMs, promptTokens,
                completionTokens, tokensEstimated, finishReason, attempts, retryWaitsMs, serverTimings, charsIn, charsOut,
                tokenGaps, streamed, server, implausible, calls);
    }

    /** The shape before implausible figures were kept apart: none. */
    public CallResult(String content, String thinking, ErrorKind errorKind, String errorMessage, Integer httpStatus,
                      long latencyMs, Long ttftMs, Integer promptTokens, Integer completionTokens,
                      boolean tokensEstimated, String finishReason, int attempts, List<Long> retryWaitsMs,
                      Map<String, Object> serverTimings, int charsIn, int charsOut, TokenGaps tokenGaps, boolean streamed,
                      String server) {
        this(content, thinking, errorKind, errorMessage, httpStatus, latencyMs, ttftMs, promptTokens, completionTokens,
                tokensEstimated, finishReason, attempts, retryWaitsMs, serverTimings, charsIn, charsOut, tokenGaps, streamed,
                server, List.of());
    }

    /** The shape before several servers: no server named. */
    public CallResult(String content, String thinking, ErrorKind errorKind, String errorMessage, Integer httpStatus,
                      long latencyMs, Long ttftMs, Integer promptTokens, Integer completionTokens,
                      boolean tokensEstimated, String finishReason, int attempts, List<Long> retryWaitsMs,
                      Map<String, Object> serverTimings, int charsIn, int charsOut, TokenGaps tokenGaps, boolean streamed) {
        this(content, thinking, errorKind, errorMessage, httpStatus, latencyMs, ttftMs, promptTokens, completionTokens,
                tokensEstimated, finishReason, attempts, retryWaitsMs, serverTimings, charsIn, charsOut, tokenGaps, streamed,
                null);
    }

    /** The shape before streaming timings existed; kept so callers that build results keep compiling. */
    public CallResult(String content, String thinking, ErrorKind errorKind, String errorMessage, Integer httpStatus,
                      long latencyMs, Long ttftMs, Integer promptTokens, Integer completionTokens,
                      boolean tokensEstimated, String finishReason, int attempts, List<Long> retryWaitsMs,
                      Map<String, Object> serverTimings, int charsIn, int charsOut) {
        this(content, thinking, errorKind, errorMessage, httpStatus, latencyMs, ttftMs, promptTokens, completionTokens,
                tokensEstimated, finishReason, attempts, retryWaitsMs, serverTimings, charsIn, charsOut, null, false, null);
    }

    public boolean ok() {
        return errorKind == null;
    }

    /** Completion tokens per second over the whole call (send to last byte), when tokens are known and it is plausible. */
    public Double completionTokensPerSecond() {
        if (completionTokens == null || latencyMs <= 0) {
            return null;
        }
        return Plausibility.bounded(completionTokens * 1000.0 / latencyMs);
    }

    /** Time per output token after the first: (latency - ttft) / (completion tokens - 1); null when not measurable. */
    public Double tpotMs() {
        if (ttftMs == null || completionTokens == null || completionTokens < 2) {
            return null;
        }
        return (latencyMs - ttftMs) / (double) (completionTokens - 1);
    }

    /** The server's own generation speed, from Ollama's eval pair or llama.cpp's timings; null when not given. */
    public Double serverCompletionTokensPerSecond() {
        return Plausibility.bounded(Plausibility.serverSpeed(serverTimings));
    }

    /** This result as the outcome of a call that took {@code attempts} attempts with these waits between them. */
    CallResult afterAttempts(int attempts, List<Long> waits) {
        return new CallResult(content, thinking, errorKind, errorMessage, httpStatus, latencyMs, ttftMs, promptTokens,
                completionTokens, tokensEstimated, finishReason, attempts, List.copyOf(waits), serverTimings, charsIn,
                charsOut, tokenGaps, streamed, server, implausible, toolCalls);
    }

    /** This result as answered (or failed) by the server at {@code url}. */
    public CallResult withServer(String url) {
        return new CallResult(content, thinking, errorKind, errorMessage, httpStatus, latencyMs, ttftMs, promptTokens,
                completionTokens, tokensEstimated, finishReason, attempts, retryWaitsMs, serverTimings, charsIn, charsOut,
                tokenGaps, streamed, url, implausible, toolCalls);
    }

    /**
     * This result with every text that came from the server passed through a function: the answer and the thinking
     * through {@code answers}, the error message through {@code messages}, the finish reason and the names of the
     * server's timings and of its implausible figures (and their raw values) through {@code fields}. A new text
     * component belongs here too ({@code RedactorTest} fails until it is): this is how {@link Redactor} reaches every one.
     */
    CallResult withServerText(UnaryOperator<String> answers, UnaryOperator<String> messages, UnaryOperator<String> fields) {
        Map<String, Object> timings = new LinkedHashMap<>();
        serverTimings.forEach((name, value) -> timings.put(fields.apply(name), value));
        return new CallResult(answers.apply(content), answers.apply(thinking), errorKind, messages.apply(errorMessage),
                httpStatus, latencyMs, ttftMs, promptTokens, completionTokens, tokensEstimated, fields.apply(finishReason),
                attempts, retryWaitsMs, java.util.Collections.unmodifiableMap(timings), charsIn, charsOut, tokenGaps,
                streamed, messages.apply(server), implausible.stream().map(i -> new Implausible(fields.apply(i.figure()),
                        fields.apply(i.raw()), i.why())).toList(), toolCalls == null ? null : toolCalls.map(answers, messages));
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
                null, null, false, null, attempts, List.copyOf(waits), Map.of(), charsIn, 0, null, failure.streamed());
    }
}
