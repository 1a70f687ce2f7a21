package org.llmbench.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Every scoring method's verdict on one answer and which of them is the headline (the question's score), with the
 * prompt format the question was asked in: a public-format number says how it was produced.
 *
 * @param headline the method whose verdict is the question's score
 * @param promptFormat the prompt format the question was asked in (e.g. {@code lm-eval gsm8k, 5-shot})
 */
public record Methods(String headline, String promptFormat, List<Verdict> verdicts) {

    public Methods {
        verdicts = List.copyOf(verdicts);
    }

    /**
     * One method's reading of the answer.
     *
     * @param method the method's name ({@code strict-match}, {@code generative}, {@code evalplus}...)
     * @param score 0-100 under this method
     * @param read what the method read from the answer ({@code 18}, {@code [invalid]}, {@code B}, the program's first
     *             line...), clipped; null when there is nothing to show
     */
    public record Verdict(String method, double score, String read) {
    }

    /** The headline's verdict, or null when it has none (yet). */
    public Verdict headlineVerdict() {
        return verdict(headline);
    }

    /** A method's verdict, or null. */
    public Verdict verdict(String method) {
        return verdicts.stream().filter(v -> v.method().equals(method)).findFirst().orElse(null);
    }

    /** The mean of each method's verdict over samples (the question's score is their mean too); null when none have methods. */
    public static Methods mean(List<Methods> samples) {
        List<Methods> all = samples.stream().filter(java.util.Objects::nonNull).toList();
        if (all.isEmpty()) {
            return null;
        }
        Methods last = all.get(all.size() - 1);
        List<Verdict> means = new ArrayList<>();
        for (Verdict v : last.verdicts()) {
            double mean = all.stream().mapToDouble(m -> m.verdicts().stream().filter(x -> x.method().equals(v.method()))
                    .mapToDouble(Verdict::score).findFirst().orElse(0)).average().orElse(0);
            means.add(new Verdict(v.method(), Math.round(100.0 * mean) / 100.0, null));
        }
        return new Methods(last.headline(), last.promptFormat(), means);
    }

    /** These verdicts with {@code v} added (replacing one of the same method), and the headline moved to it if asked. */
    public Methods with(Verdict v, boolean asHeadline) {
        List<Verdict> all = new ArrayList<>(verdicts);
        all.removeIf(x -> x.method().equals(v.method()));
        all.add(v);
        return new Methods(asHeadline ? v.method() : headline, promptFormat, all);
    }
}
