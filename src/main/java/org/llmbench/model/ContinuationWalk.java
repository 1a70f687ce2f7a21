package org.llmbench.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The log-likelihood of each answer letter's continuation from next-token top-k log-probabilities, which is what
 * llama-server, vLLM's and OpenAI's completions and Ollama's generate give. A continuation that is one token (" A"
 * in most vocabularies) is read from the top-k after the prompt: that is lm-eval's continuation log-likelihood
 * exactly. One that the vocabulary splits (" " then "A", as in the 512-token stories260K) is walked token by token:
 * the longest top-k token that starts what is left, then the top-k after the prompt plus that token, adding up the
 * log-probabilities, as lm-eval sums over the continuation's tokens. A letter none of whose next tokens is in the
 * top-k is absent (null). Requests for the same prefix are made once and shared by the letters.
 */
final class ContinuationWalk {

    /** At most this many tokens per continuation (a space and a letter take two in the smallest vocabularies). */
    static final int MAX_STEPS = 4;

    /** One token the server ranked among the likeliest next ones. */
    record NextToken(String text, double logprob) {
    }

    /**
     * One next-token request: the call as made, and the candidates (null when the call failed); {@code unsupported}
     * when the server answered without any log-probabilities.
     */
    record Step(CallResult call, List<NextToken> candidates, boolean unsupported) {
        static Step of(CallResult call, List<NextToken> candidates) {
            return new Step(call, candidates, false);
        }

        static Step failed(CallResult call, boolean unsupported) {
            return new Step(call, null, unsupported);
        }
    }

    /** Makes one next-token request for a prompt. */
    interface Source {
        Step next(String prompt);
    }

    private ContinuationWalk() {
    }

    static LogprobResult walk(LogprobRequest request, Source source) {
        Map<String, Step> byPrefix = new HashMap<>();
        List<CallResult> calls = new ArrayList<>();
        Map<String, Double> byLetter = new LinkedHashMap<>();
        for (String letter : request.letters()) {
            String continuation = LogprobRequest.continuation(letter);
            String consumed = "";
            double sum = 0;
            Double value = null;
            for (int step = 0; step < MAX_STEPS; step++) {
                String prefix = consumed;
                Step s = byPrefix.get(prefix);
                if (s == null) {
                    s = source.next(request.prompt() + prefix);
                    byPrefix.put(prefix, s);
                    calls.add(s.call());
                }
                if (s.candidates() == null) {
                    return new LogprobResult(combine(calls, request, ""), null, s.unsupported());
                }
                NextToken token = longestStart(s.candidates(), continuation.substring(consumed.length()));
                if (token == null) {
                    break;
                }
                sum += token.logprob();
                consumed += token.text();
                if (consumed.equals(continuation)) {
                    value = Math.max(sum, LetterLogprobs.IMPOSSIBLE);
                    break;
                }
            }
            byLetter.put(letter, value);
        }
        LetterLogprobs letters = new LetterLogprobs(byLetter, request.topK(), calls.size());
        String chosen = letters.chosen();
        return new LogprobResult(combine(calls, request, chosen == null ? "" : chosen), letters, false);
    }

    /** The candidate whose text starts {@code rest}, the longest (then the likeliest) of them; null when none does. */
    private static NextToken longestStart(List<NextToken> candidates, String rest) {
        NextToken best = null;
        for (NextToken t : candidates) {
            if (t.text().isEmpty() || !rest.startsWith(t.text())) {
                continue;
            }
            if (best == null || t.text().length() > best.text().length()
                    || t.text().length() == best.text().length() && t.logprob() > best.logprob()) {
                best = t;
            }
        }
        return best;
    }

    /**
     * The requests of one question as one recorded call: latencies, attempts and waits added up, the first request's
     * token counts and server timings, the last failure if one failed; the content is the chosen letter.
     */
    static CallResult combine(List<CallResult> calls, LogprobRequest request, String content) {
        CallResult first = calls.get(0);
        CallResult last = calls.get(calls.size() - 1);
        long latency = 0;
        int attempts = 0;
        List<Long> waits = new ArrayList<>();
        List<Implausible> implausible = new ArrayList<>();
        Integer completion = 0;
        for (CallResult c : calls) {
            latency += c.latencyMs();
            attempts += c.attempts();
            waits.addAll(c.retryWaitsMs());
            implausible.addAll(c.implausible());
            completion = completion == null || c.completionTokens() == null ? null : completion + c.completionTokens();
        }
        int charsIn = request.prompt().length();
        if (!last.ok()) {
            return new CallResult(null, null, last.errorKind(), last.errorMessage(), last.httpStatus(), latency, null,
                    first.promptTokens(), null, first.tokensEstimated(), null, attempts, waits, first.serverTimings(),
                    charsIn, 0, null, false, last.server(), implausible);
        }
        return new CallResult(content, null, null, null, last.httpStatus(), latency, null, first.promptTokens(), completion,
                first.tokensEstimated(), first.finishReason(), attempts, waits, first.serverTimings(), charsIn,
                content.length(), null, false, last.server(), implausible);
    }
}
