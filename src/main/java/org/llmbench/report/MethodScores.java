package org.llmbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.llmbench.config.TerminalText;
import org.llmbench.record.Methods;
import org.llmbench.record.RunEvent;
import org.llmbench.record.Verdict;

/**
 * The score of a group of public-format questions under each scoring method, from the verdicts each score event
 * records: the headline method (the group's score), the prompt format, and every method's weighted mean, so a
 * number can be set beside a published one only when both say the same method and format. Questions without
 * methods (llm-bench's own suites) add nothing.
 */
final class MethodScores {

    private final Map<String, Integer> headlines = new LinkedHashMap<>();
    private final Map<String, Integer> formats = new LinkedHashMap<>();
    private final Map<String, double[]> byMethod = new LinkedHashMap<>();

    /** Adds one question's final score. */
    void add(RunEvent.Score score) {
        Methods m = score.methods();
        if (m == null) {
            return;
        }
        headlines.merge(String.valueOf(m.headline()), 1, Integer::sum);
        formats.merge(String.valueOf(m.promptFormat()), 1, Integer::sum);
        for (Verdict v : m.verdicts()) {
            double[] sums = byMethod.computeIfAbsent(v.method(), k -> new double[2]);
            sums[0] += v.score() * score.weight();
            sums[1] += score.weight();
        }
    }

    /** The group's figures, or null when none of its questions has methods. */
    ResultsFile.Methods figures() {
        if (headlines.isEmpty()) {
            return null;
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        byMethod.forEach((method, s) -> scores.put(method, s[1] == 0 ? 0 : Math.round(100.0 * s[0] / s[1]) / 100.0));
        return new ResultsFile.Methods(joined(headlines), joined(formats), scores);
    }

    /** The names seen, the most frequent first ({@code a+b} when questions of one group differ, e.g. a server per lane). */
    private static String joined(Map<String, Integer> seen) {
        List<Map.Entry<String, Integer>> all = new ArrayList<>(seen.entrySet());
        all.sort((a, b) -> b.getValue() - a.getValue());
        return String.join("+", all.stream().map(Map.Entry::getKey).toList());
    }

    /**
     * Console lines under the table: per model and phase read by methods, the headline with its score and prompt
     * format, then every other method's score (names from the record, escaped).
     */
    static List<String> lines(Map<String, Map<String, MethodScores>> bySuite) {
        List<String> lines = new ArrayList<>();
        bySuite.forEach((model, suites) -> suites.forEach((suite, m) -> {
            ResultsFile.Methods f = m.figures();
            if (f != null) {
                lines.add(TerminalText.escape("  " + model + "/" + suite + ": " + describe(f)));
            }
        }));
        if (!lines.isEmpty()) {
            lines.add(0, "scoring methods (headline = the score above; prompt format in brackets):");
        }
        return lines;
    }

    /** {@code strict-match 80.0 [lm-eval gsm8k ..., 5-shot]; also flexible-extract 85.0, by-value 90.0}. */
    static String describe(ResultsFile.Methods f) {
        StringBuilder b = new StringBuilder(f.method());
        Double headline = f.methods().get(f.method());
        if (headline != null) {
            b.append(String.format(Locale.ROOT, " %.1f", headline));
        }
        b.append(" [").append(f.promptFormat()).append(']');
        List<String> others = new ArrayList<>();
        f.methods().forEach((method, score) -> {
            if (!method.equals(f.method())) {
                others.add(String.format(Locale.ROOT, "%s %.1f", method, score));
            }
        });
        if (!others.isEmpty()) {
            b.append("; also ").append(String.join(", ", others));
        }
        return b.toString();
    }
}
