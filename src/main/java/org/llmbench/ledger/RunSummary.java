package org.llmbench.ledger;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Running totals per model and suite, small enough to keep for any number of questions. */
final class RunSummary {

    /** Totals of one model and suite. */
    static final class Group {
        int scored;
        int passed;
        int errors;
        double scoreSum;
        double weightedSum;
        double weightSum;
        long latencySum;
    }

    private final Map<String, Group> groups = new TreeMap<>();
    private double weightedSum;
    private double weightSum;

    synchronized void add(TestRef ref, double score, boolean passed, double weight, boolean error, long latencyMs) {
        Group g = groups.computeIfAbsent(ref.model() + "\u0000" + ref.suite(), k -> new Group());
        g.scored++;
        g.passed += passed ? 1 : 0;
        g.errors += error ? 1 : 0;
        g.scoreSum += score;
        g.weightedSum += score * weight;
        g.weightSum += weight;
        g.latencySum += latencyMs;
        weightedSum += score * weight;
        weightSum += weight;
    }

    /** The weighted total over the run, 0-100. */
    synchronized double total() {
        return weightSum == 0 ? 0 : weightedSum / weightSum;
    }

    synchronized String table() {
        var sb = new StringBuilder();
        String format = "%-28s %-16s %6s %6s %6s %7s %9s%n";
        sb.append(String.format(Locale.ROOT, format, "model", "suite", "tests", "passed", "errors", "score", "avg ms"));
        groups.forEach((key, g) -> {
            String[] parts = key.split("\u0000", 2);
            sb.append(String.format(Locale.ROOT, format, clip(parts[0], 28), clip(parts[1], 16), g.scored, g.passed,
                    g.errors, String.format(Locale.ROOT, "%.1f", g.weightSum == 0 ? 0 : g.weightedSum / g.weightSum),
                    g.scored == 0 ? 0 : g.latencySum / g.scored));
        });
        sb.append(String.format(Locale.ROOT, "weighted total: %.2f / 100%n", total()));
        return sb.toString();
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }
}
