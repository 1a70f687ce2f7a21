package org.llmbench.ledger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The totals of a run, derived from its whole ledger (every process that added to it: a resumed run counts what
 * the killed process scored too): per model and suite, per model, the weighted total, and the final status of
 * every test. run_end, the console table and the quality gate all read these, and results.json is written from
 * the same final scores, so no two places can disagree.
 */
public final class RunSummary {

    /** Totals of one model and suite, or of one model. */
    static final class Group {
        int scored;
        int passed;
        int errors;
        double weightedSum;
        double weightSum;
        long latencySum;

        void add(double weightedScore, double weight, boolean passed, boolean error, long latencyMs) {
            scored++;
            this.passed += passed ? 1 : 0;
            errors += error ? 1 : 0;
            weightedSum += weightedScore;
            weightSum += weight;
            latencySum += latencyMs;
        }

        double score() {
            return weightSum == 0 ? 0 : weightedSum / weightSum;
        }
    }

    private final Map<String, Map<String, Group>> bySuite = new TreeMap<>();
    private final Map<String, Group> byModel = new TreeMap<>();
    private final Group total = new Group();
    private final Map<String, Integer> statuses;

    private RunSummary(Map<String, Integer> statuses) {
        this.statuses = statuses;
    }

    /** Reads the ledger: final scores (as results.json takes them) and each test's last outcome. */
    public static RunSummary of(Path ledger) throws IOException {
        Map<String, String> last = new HashMap<>();
        LedgerReader.forEach(ledger, e -> {
            String id = e.path("test_id").asText(null);
            switch (e.path("event").asText()) {
                case "test_end" -> last.put(id, e.path("status").asText());
                // A test skipped because an earlier process scored it keeps that process's outcome.
                case "test_skipped" -> last.putIfAbsent(id, "skipped");
                default -> { }
            }
        });
        Map<String, Integer> statuses = new TreeMap<>();
        last.values().forEach(s -> statuses.merge(s, 1, Integer::sum));
        RunSummary summary = new RunSummary(statuses);
        FinalScores.forEach(ledger, (score, call) -> {
            if (score == null) {
                return;
            }
            String model = score.path("model").asText();
            double weighted = score.path("weighted_score").asDouble();
            double weight = score.path("weight").asDouble();
            boolean passed = score.path("passed").asBoolean();
            boolean error = call != null && call.hasNonNull("error_kind");
            long latency = call == null ? 0 : call.path("latency_ms").asLong();
            summary.bySuite.computeIfAbsent(model, k -> new TreeMap<>())
                    .computeIfAbsent(score.path("suite").asText(), k -> new Group()).add(weighted, weight, passed, error, latency);
            summary.byModel.computeIfAbsent(model, k -> new Group()).add(weighted, weight, passed, error, latency);
            summary.total.add(weighted, weight, passed, error, latency);
        });
        return summary;
    }

    /** The weighted total over every scored question of the run, 0-100. */
    public double total() {
        return total.score();
    }

    /** How many questions and tasks have a score. */
    public int scored() {
        return total.scored;
    }

    /** Each test's final status (successful, failed, aborted, skipped) counted over the run. */
    public Map<String, Integer> statuses() {
        return Map.copyOf(statuses);
    }

    /** The weighted total of each model. */
    public Map<String, Double> modelTotals() {
        Map<String, Double> totals = new LinkedHashMap<>();
        byModel.forEach((model, g) -> totals.put(model, g.score()));
        return totals;
    }

    /** The console table: per model its suites, then the model's own total; the run's total last. */
    public String table() {
        var sb = new StringBuilder();
        String format = "%-24s %-14s %5s %6s %6s %6s %8s%n";
        sb.append(String.format(Locale.ROOT, format, "model", "suite", "tests", "passed", "errors", "score", "avg ms"));
        bySuite.forEach((model, suites) -> {
            suites.forEach((suite, g) -> sb.append(row(format, model, suite, g)));
            if (bySuite.size() > 1 || suites.size() > 1) {
                sb.append(row(format, model, "(model total)", byModel.get(model)));
            }
        });
        sb.append(String.format(Locale.ROOT, "weighted total: %.2f / 100 over %d scored of %d tests %s%n",
                total(), total.scored, statuses.values().stream().mapToInt(Integer::intValue).sum(), statuses));
        return sb.toString();
    }

    private static String row(String format, String model, String suite, Group g) {
        return String.format(Locale.ROOT, format, clip(model, 24), clip(suite, 14), g.scored, g.passed, g.errors,
                String.format(Locale.ROOT, "%.1f", g.score()), g.scored == 0 ? 0 : g.latencySum / g.scored);
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }
}
