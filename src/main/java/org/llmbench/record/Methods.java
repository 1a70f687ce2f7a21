package org.llmbench.record;

import java.util.List;

/**
 * Every scoring method's verdict on the answer; the headline's is the {@link RunEvent.Score}'s score.
 *
 * @param headline the method whose verdict is the score ({@code strict-match}, {@code generative}...)
 * @param promptFormat how the question was asked, in words ({@code lm-eval gsm8k (Question/Answer), 5-shot ...})
 */
public record Methods(String headline, String promptFormat, List<Verdict> verdicts) {
    public Methods {
        verdicts = List.copyOf(verdicts);
    }

    /** The verdict of a method, or null. */
    public Verdict verdict(String method) {
        return verdicts.stream().filter(v -> v.method().equals(method)).findFirst().orElse(null);
    }
}
