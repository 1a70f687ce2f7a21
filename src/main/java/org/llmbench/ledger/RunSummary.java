package org.llmbench.ledger;

import java.io.IOException;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The totals of a run, derived from its whole ledger (every process that added to it: a resumed run counts what
 * the killed process scored too): per model and suite, each model's weighted total, and the final status of
 * every test. run_end, the console table and the quality gate all read these, and results.json is written from
 * the same final scores, so no two places can disagree. There is no total across models: a mean of two models'
 * scores describes neither, so every total and interval is one model's.
 */
public final class RunSummary {

    /** Totals of one model and suite, or of one model. */
    static final class Group {
        int scored;
        int passed;
        int errors;
        double weightedSum;
        double weightSum;
        final List<Double> ttft = new ArrayList<>();
        final List<Double> tokensPerS = new ArrayList<>();
        final List<Double> latency = new ArrayList<>();
        final Uncertainty.Sums sums = new Uncertainty.Sums();

        void add(double weightedScore, double weight, boolean passed, JsonNode call) {
            scored++;
            sums.add(weight == 0 ? 0 : weightedScore / weight, weight);
            this.passed += passed ? 1 : 0;
            weightedSum += weightedScore;
            weightSum += weight;
            if (call != null && call.hasNonNull("error_kind")) {
                errors++;
            } else if (call != null) {
                // Speeds over the calls that answered, as report.md's (PhaseFigures): a failure's time is no speed.
                latency.add(call.path("latency_ms").asDouble());
                if (call.hasNonNull("ttft_ms")) {
                    ttft.add(call.path("ttft_ms").asDouble());
                }
                if (call.hasNonNull("completion_tokens_per_s")) {
                    tokensPerS.add(call.path("completion_tokens_per_s").asDouble());
                }
            }
        }

        double score() {
            return weightSum == 0 ? 0 : weightedSum / weightSum;
        }

        Uncertainty.Estimate estimate() {
            return sums.score();
        }
    }

    // Models and their phases in the order the run scored them, not by name.
    private final Map<String, Map<String, Group>> bySuite = new LinkedHashMap<>();
    private final Map<String, Group> byModel = new LinkedHashMap<>();
    private int scored;
    private final Uncertainty.PassRates passAtK = new Uncertainty.PassRates();
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
            summary.bySuite.computeIfAbsent(model, k -> new LinkedHashMap<>())
                    .computeIfAbsent(score.path("suite").asText(), k -> new Group()).add(weighted, weight, passed, call);
            summary.byModel.computeIfAbsent(model, k -> new Group()).add(weighted, weight, passed, call);
            summary.scored++;
            summary.passAtK.add(score.path("pass_at_k"));
        });
        return summary;
    }

    /** One model's weighted total (0-100) with its interval, over the questions it scored. */
    public record ModelTotal(String model, double score, Uncertainty.Estimate estimate, int scored, int passed) {
    }

    /** Each model's weighted total, in the order the run scored them. */
    public List<ModelTotal> modelTotals() {
        List<ModelTotal> totals = new ArrayList<>();
        byModel.forEach((model, g) -> totals.add(new ModelTotal(model, g.score(), g.estimate(), g.scored, g.passed)));
        return totals;
    }

    /** Each model's weighted total (0-100) by name: what run_end records. */
    public Map<String, Double> modelScores() {
        Map<String, Double> totals = new LinkedHashMap<>();
        byModel.forEach((model, g) -> totals.put(model, g.score()));
        return totals;
    }

    /**
     * The totals run_end records: how many scored, each model's weighted total and, only when one model ran, that
     * model's total again as {@code weighted_total} (the field a one-model ledger has always had).
     */
    Map<String, Object> runEndTotals() {
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("scored", scored);
        if (byModel.size() == 1) {
            totals.put("weighted_total", byModel.values().iterator().next().score());
        }
        totals.put("model_totals", modelScores());
        return totals;
    }

    /** One console line of totals: "weighted total 80.00" for one model, each model's total for several (names escaped). */
    public String totalsLine() {
        if (byModel.size() == 1) {
            return "weighted total " + twoDecimals(byModel.values().iterator().next().score());
        }
        StringBuilder sb = new StringBuilder("weighted totals:");
        byModel.forEach((model, g) -> sb.append(' ').append(org.llmbench.config.TerminalText.escape(model)).append(' ')
                .append(twoDecimals(g.score())).append(','));
        sb.setLength(sb.length() - 1);
        return byModel.isEmpty() ? "no weighted total" : sb.toString();
    }

    /** How many questions and tasks have a score. */
    public int scored() {
        return scored;
    }

    /** Whether questions were scored and every one's call failed: the server, not the model, was measured. */
    public boolean everyCallFailed() {
        return scored > 0 && byModel.values().stream().mapToInt(g -> g.errors).sum() == scored;
    }

    /** Each test's final status (successful, failed, aborted, skipped) counted over the run. */
    public Map<String, Integer> statuses() {
        return Map.copyOf(statuses);
    }

    /**
     * The console table, at most 80 columns: per model its own weighted total and speed (median time to first
     * token, median tokens/s, p95 latency), then its phases in run order; each model's weighted total with its
     * interval last and, when several models ran, which one leads and by how much.
     */
    public String table() {
        var sb = new StringBuilder();
        String format = "%-20s %5s %5s %6s %12s %8s %6s %8s%n";
        sb.append(String.format(Locale.ROOT, format, "model / phase", "tests", "pass", "errors", "score ±95%",
                "ttft p50", "tok/s", "lat p95"));
        bySuite.forEach((model, suites) -> {
            sb.append(row(format, model, byModel.get(model)));
            suites.forEach((suite, g) -> sb.append(row(format, "  " + suite, g)));
        });
        // Statuses in words ("48 successful, 2 failed"), never a Java map.
        String ended = statuses.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey()).collect(java.util.stream.Collectors.joining(", "));
        sb.append("(ttft, tok/s and latency over the calls that answered; failed calls are counted in errors)\n");
        int tests = statuses.values().stream().mapToInt(Integer::intValue).sum();
        String outcomes = ended.isEmpty() ? "" : " (" + ended + ")";
        if (byModel.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "no question scored of %d tests%s%n", tests, outcomes));
        } else if (byModel.size() == 1) {
            sb.append(String.format(Locale.ROOT, "weighted total: %s / 100 over %d scored of %d tests%s%n",
                    twoDecimals(byModel.values().iterator().next().score()), scored, tests, outcomes));
            interval(sb, "  ", byModel.values().iterator().next().estimate());
        } else {
            sb.append(String.format(Locale.ROOT, "%d scored of %d tests%s; each model's weighted total:%n", scored, tests,
                    outcomes));
            byModel.forEach((model, g) -> {
                sb.append(String.format(Locale.ROOT, "  %s: %s / 100 over %d scored%n", model, twoDecimals(g.score()),
                        g.scored));
                interval(sb, "    ", g.estimate());
            });
        }
        if (!passAtK.isEmpty()) {
            StringBuilder line = new StringBuilder("  sampled: mean");
            passAtK.means().forEach((k, v) -> line.append(String.format(Locale.ROOT, " pass@%s %.3f", k, v)));
            sb.append(line).append('\n');
        }
        verdict().ifPresent(v -> sb.append(v).append('\n'));
        return sb.toString();
    }

    /** With several models: which leads, and by how much over the next. */
    java.util.Optional<String> verdict() {
        if (byModel.size() < 2) {
            return java.util.Optional.empty();
        }
        List<Map.Entry<String, Group>> ranked = new ArrayList<>(byModel.entrySet());
        ranked.sort((a, b) -> Double.compare(b.getValue().score(), a.getValue().score()));
        var first = ranked.get(0);
        var second = ranked.get(1);
        double lead = first.getValue().score() - second.getValue().score();
        return java.util.Optional.of(lead == 0
                ? String.format(Locale.ROOT, "%s and %s tie at %.2f", first.getKey(), second.getKey(), first.getValue().score())
                : String.format(Locale.ROOT, "%s leads with %.2f, %.2f points ahead of %s (%.2f)", first.getKey(),
                        first.getValue().score(), lead, second.getKey(), second.getValue().score()));
    }

    private static void interval(StringBuilder sb, String indent, Uncertainty.Estimate e) {
        if (e.stderr() != null) {
            sb.append(String.format(Locale.ROOT, "%s95%% CI %.2f-%.2f (standard error %.2f over %d questions)%n", indent,
                    e.low(), e.high(), e.stderr(), e.n()));
        }
    }

    /** A score to two decimals, or "none" when it is not a number (a total that could not be computed). */
    static String twoDecimals(double score) {
        return Double.isFinite(score) ? String.format(Locale.ROOT, "%.2f", score) : "none";
    }

    private static String row(String format, String name, Group g) {
        return String.format(Locale.ROOT, format, clip(name, 20), g.scored, g.passed, g.errors,
                g.estimate().shortText(), median(g.ttft, "ms"), median(g.tokensPerS, ""),
                percentile(g.latency, 95, "ms"));
    }

    private static String median(List<Double> values, String unit) {
        return percentile(values, 50, unit);
    }

    private static String percentile(List<Double> values, double p, String unit) {
        if (values.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.0f%s", Percentiles.of(values.stream().mapToDouble(Double::doubleValue).toArray()).at(p), unit);
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }
}
