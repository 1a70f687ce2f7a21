package org.llmbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two runs question by question (what {@code report --compare A B} prints): score and latency of
 * each in A and in B and their deltas (B minus A), plus what only one of them has. Questions are matched on
 * model/suite/item; when each run holds exactly one model, on suite/item, so two models can be compared.
 */
public final class RunComparison {

    /** One question in both runs. Latencies are null when a run has no successful call for it. */
    public record Row(String question, double scoreA, double scoreB, Long latencyA, Long latencyB) {
        public double scoreDelta() {
            return scoreB - scoreA;
        }

        public Long latencyDelta() {
            return latencyA == null || latencyB == null ? null : latencyB - latencyA;
        }
    }

    private record Outcome(double score, double weight, Long latency) {
    }

    private final List<Row> rows;
    private final Set<String> onlyInA;
    private final Set<String> onlyInB;
    private final Uncertainty.Estimate difference;

    private RunComparison(List<Row> rows, Set<String> onlyInA, Set<String> onlyInB, Uncertainty.Estimate difference) {
        this.rows = rows;
        this.onlyInA = onlyInA;
        this.onlyInB = onlyInB;
        this.difference = difference;
    }

    /**
     * The paired difference B - A of the weighted mean score over the questions in both, with its standard error
     * and 95 % interval ({@link Uncertainty}): B differs from A at 95 % when the interval excludes 0.
     */
    public Uncertainty.Estimate difference() {
        return difference;
    }

    /** Compares two runs, each given as its run folder, its run.jsonl or its results.json ({@link RunScores}). */
    public static RunComparison of(Path a, Path b) throws IOException {
        Map<String, Map<String, Outcome>> runA = read(a, "A " + a);
        Map<String, Map<String, Outcome>> runB = read(b, "B " + b);
        boolean acrossModels = runA.size() == 1 && runB.size() == 1;
        Map<String, Outcome> flatA = flatten(runA, acrossModels);
        Map<String, Outcome> flatB = flatten(runB, acrossModels);
        List<Row> rows = new ArrayList<>();
        Set<String> onlyInA = new TreeSet<>();
        Uncertainty.Sums paired = new Uncertainty.Sums();
        flatA.forEach((question, outcomeA) -> {
            Outcome outcomeB = flatB.get(question);
            if (outcomeB == null) {
                onlyInA.add(question);
            } else {
                paired.add(outcomeB.score() - outcomeA.score(), outcomeA.weight());
                rows.add(new Row(question, outcomeA.score(), outcomeB.score(), outcomeA.latency(), outcomeB.latency()));
            }
        });
        Set<String> onlyInB = new TreeSet<>(flatB.keySet());
        onlyInB.removeAll(flatA.keySet());
        return new RunComparison(List.copyOf(rows), onlyInA, onlyInB, paired.difference());
    }

    public List<Row> rows() {
        return rows;
    }

    public Set<String> onlyInA() {
        return onlyInA;
    }

    public Set<String> onlyInB() {
        return onlyInB;
    }

    /** A plain-text table for the console, one line per question and a line of means. */
    public String table() {
        String format = "%-40s %8s %8s %8s %10s %10s %10s%n";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, format, "question", "score A", "score B", "delta",
                "ms A", "ms B", "ms delta"));
        double scoreSum = 0;
        for (Row r : rows) {
            scoreSum += r.scoreDelta();
            sb.append(String.format(Locale.ROOT, format, r.question().length() > 40 ? r.question().substring(0, 39) + "~" : r.question(),
                    fmt(r.scoreA()), fmt(r.scoreB()), String.format(Locale.ROOT, "%+.1f", r.scoreDelta()),
                    orDash(r.latencyA()), orDash(r.latencyB()), r.latencyDelta() == null ? "-" : String.format(Locale.ROOT, "%+d", r.latencyDelta())));
        }
        sb.append(String.format(Locale.ROOT, "%d question(s) in both; mean score delta %+.2f; only in A: %d; only in B: %d%n",
                rows.size(), rows.isEmpty() ? 0 : scoreSum / rows.size(), onlyInA.size(), onlyInB.size()));
        sb.append(pairedLine()).append(System.lineSeparator());
        return sb.toString();
    }

    /** The paired difference in words: its interval, and whether it excludes zero. */
    String pairedLine() {
        Uncertainty.Estimate d = difference;
        if (d.stderr() == null) {
            return String.format(Locale.ROOT, "paired difference B - A (weighted): %+.2f; too few questions for an interval",
                    d.mean());
        }
        return String.format(Locale.ROOT, "paired difference B - A (weighted): %+.2f, 95%% CI %+.2f to %+.2f (SE %.2f, n=%d): %s",
                d.mean(), d.low(), d.high(), d.stderr(), d.n(), d.excludesZero()
                        ? (d.mean() > 0 ? "B is better at 95 %" : "A is better at 95 %")
                        : "the interval includes 0: no difference shown at 95 %");
    }

    /** Model, then suite/item, to final outcome, as {@link RunScores} reads them; a test without a score is left out. */
    private static Map<String, Map<String, Outcome>> read(Path run, String what) throws IOException {
        Map<String, Map<String, Outcome>> byModel = new LinkedHashMap<>();
        RunScores.read(run, what).byModel().forEach((model, questions) -> {
            Map<String, Outcome> outcomes = byModel.computeIfAbsent(model, k -> new LinkedHashMap<>());
            questions.forEach((q, s) -> outcomes.put(q, new Outcome(s.score(), s.weight(), s.latencyMs())));
        });
        return byModel;
    }

    private static Map<String, Outcome> flatten(Map<String, Map<String, Outcome>> byModel, boolean acrossModels) {
        Map<String, Outcome> flat = new LinkedHashMap<>();
        byModel.forEach((model, questions) -> questions.forEach((q, o) -> flat.put(acrossModels ? q : model + "/" + q, o)));
        return flat;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String orDash(Long v) {
        return v == null ? "-" : v.toString();
    }
}
