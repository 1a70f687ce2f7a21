package org.llmbench.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The log-likelihood of each answer letter's continuation after the prompt, and the letter that wins: the highest,
 * the first on a tie (lm-eval's argmax). A letter whose tokens were not all among the top-k the server gave is
 * {@code null}: its log-likelihood is below the k-th token's, so whenever some letter is known the winner is the
 * same as with every letter known (see docs/BENCHMARKS.md); when none is, there is no winner.
 *
 * @param byLetter each letter (in the question's order) to its log-likelihood, or null when not in the top-k
 * @param topK the top-k asked at each step
 * @param requests how many next-token requests it took (a letter made of two tokens takes a second one)
 */
public record LetterLogprobs(Map<String, Double> byLetter, int topK, int requests) {

    /** A log-probability of zero probability, as llama.cpp writes it (JSON has no -Infinity). */
    public static final double IMPOSSIBLE = -Float.MAX_VALUE;

    public LetterLogprobs {
        byLetter = Collections.unmodifiableMap(new LinkedHashMap<>(byLetter));
    }

    /** The likeliest letter, the first on a tie; null when no letter's log-likelihood is known. */
    public String chosen() {
        String best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Double> e : byLetter.entrySet()) {
            Double v = e.getValue();
            if (v != null && !v.isNaN() && (best == null || v > bestValue)) {
                best = e.getKey();
                bestValue = v;
            }
        }
        return best;
    }

    /** The letters not among the top-k, in order. */
    public List<String> absent() {
        return byLetter.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
    }
}
