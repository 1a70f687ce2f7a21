package org.llmbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The console's summary of a run ({@link RunSummary#table()}), at most 80 columns. */
final class SummaryTable {

    private static final String FORMAT = "%-20s %5s %5s %6s %12s %8s %6s %8s%n";

    private final RunSummary summary;

    SummaryTable(RunSummary summary) {
        this.summary = summary;
    }

    String text() {
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, FORMAT, "model / phase", "tests", "pass", "errors", "score ±95%",
                "ttft p50", "tok/s", "lat p95"));
        summary.bySuite.forEach((model, suites) -> {
            sb.append(row(model, summary.byModel.get(model)));
            suites.forEach((suite, g) -> sb.append(row("  " + suite, g)));
        });
        // Statuses in words ("48 successful, 2 failed"), never a Java map.
        String ended = summary.statuses().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        sb.append("(ttft, tok/s and latency over the calls that answered; failed calls are counted in errors)\n");
        int tests = summary.statuses().values().stream().mapToInt(Integer::intValue).sum();
        String outcomes = ended.isEmpty() ? "" : " (" + ended + ")";
        Map<String, RunSummary.Group> byModel = summary.byModel;
        if (byModel.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "no question scored of %d tests%s%n", tests, outcomes));
        } else if (byModel.size() == 1) {
            RunSummary.Group only = byModel.values().iterator().next();
            sb.append(String.format(Locale.ROOT, "weighted total: %s / 100 over %d scored of %d tests%s%n",
                    RunSummary.twoDecimals(only.score()), summary.scored(), tests, outcomes));
            interval(sb, "  ", only.estimate());
        } else {
            sb.append(String.format(Locale.ROOT, "%d scored of %d tests%s; each model's weighted total:%n", summary.scored(),
                    tests, outcomes));
            byModel.forEach((model, g) -> {
                sb.append(String.format(Locale.ROOT, "  %s: %s / 100 over %d scored%n", model,
                        RunSummary.twoDecimals(g.score()), g.scored));
                interval(sb, "    ", g.estimate());
            });
        }
        if (!summary.passAtK.isEmpty()) {
            StringBuilder line = new StringBuilder("  sampled: mean");
            summary.passAtK.means().forEach((k, v) -> line.append(String.format(Locale.ROOT, " pass@%s %.3f", k, v)));
            sb.append(line).append('\n');
        }
        verdict().ifPresent(v -> sb.append(v).append('\n'));
        for (String model : summary.footprints().models()) {
            Footprints.ModelFootprint f = summary.footprint(model);
            sb.append(byModel.size() > 1 ? "  " + model + ": " : "  ").append(f.line()).append('\n');
        }
        return sb.toString();
    }

    /** With several models: which leads, and by how much over the next. */
    Optional<String> verdict() {
        if (summary.byModel.size() < 2) {
            return Optional.empty();
        }
        List<Map.Entry<String, RunSummary.Group>> ranked = new ArrayList<>(summary.byModel.entrySet());
        ranked.sort((a, b) -> Double.compare(b.getValue().score(), a.getValue().score()));
        var first = ranked.get(0);
        var second = ranked.get(1);
        double lead = first.getValue().score() - second.getValue().score();
        return Optional.of(lead == 0
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

    private static String row(String name, RunSummary.Group g) {
        return String.format(Locale.ROOT, FORMAT, clip(name, 20), g.scored, g.passed, g.errors,
                g.estimate().shortText(), percentile(g.ttft, 50, "ms"), percentile(g.tokensPerS, 50, ""),
                percentile(g.latency, 95, "ms"));
    }

    private static String percentile(List<Double> values, double p, String unit) {
        return values.isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f%s", Percentiles.of(values).at(p), unit);
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }
}
