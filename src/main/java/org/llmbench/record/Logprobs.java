package org.llmbench.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The log-likelihood of each answer letter's continuation after a {@link RunEvent.Call}'s prompt (MMLU's
 * loglikelihood method).
 *
 * @param letters each letter, in the question's order, to its log-likelihood; null when it was not among the top-k
 * @param chosen the letter that won as the client saw it (a replay chooses again from {@code letters}); null when none
 * @param topK the top-k asked of the server at each step
 * @param requests how many next-token requests the question took
 */
public record Logprobs(Map<String, Double> letters, String chosen, int topK, int requests) {
    public Logprobs {
        letters = Collections.unmodifiableMap(new LinkedHashMap<>(letters));
    }
}
