package org.llmbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.llmbench.record.RunEvent;

/** The tables of report.html, as preformatted text: totals per column, scores per phase, speed, what changed. */
final class PageTables {

    /** The figures of the speed table and the page's speed charts, with their names in the page's data. */
    enum Figure {
        TTFT("ttft", RunEvent.Call::ttftMs), TPOT("tpot", RunEvent.Call::tpotMs),
        TPS("tps", RunEvent.Call::completionTokensPerS), SERVER_TPS("server_tps", RunEvent.Call::serverCompletionTokensPerS),
        LATENCY("latency", RunEvent.Call::latencyMs);

        final String key;
        final Function<RunEvent.Call, Number> value;

        Figure(String key, Function<RunEvent.Call, Number> value) {
            this.key = key;
            this.value = value;
        }
    }

    private PageTables() {
    }

    static List<ReportPage.Column> columns(List<ReportColumn> columns) {
        double best = columns.stream().mapToDouble(ReportColumn::total).max().orElse(0);
        List<ReportPage.Column> out = new ArrayList<>();
        for (ReportColumn c : columns) {
            Uncertainty.Estimate e = c.estimate();
            out.add(new ReportPage.Column(c.id, c.label, c.model, c.runId, fmt(c.total()),
                    String.format(Locale.ROOT, "%.1f - %.1f", e.low(), e.high()),
                    c.passed() + "/" + c.outcomes.size(), columns.size() > 1 && c.total() == best));
        }
        return out;
    }

    /** Per phase, per column: "score (passed/tests)", or "" when the column did not run the phase. */
    static List<List<String>> cells(List<ReportColumn> columns, List<String> phases) {
        List<List<String>> rows = new ArrayList<>();
        for (String phase : phases) {
            List<String> row = new ArrayList<>();
            for (ReportColumn c : columns) {
                double weighted = 0;
                double weight = 0;
                int passed = 0;
                int tests = 0;
                for (FinalScores.Outcome o : c.outcomes.values()) {
                    if (o.score().ref().suite().equals(phase)) {
                        weighted += o.score().weightedScore();
                        weight += o.score().weight();
                        passed += o.score().passed() ? 1 : 0;
                        tests++;
                    }
                }
                row.add(tests == 0 ? "" : fmt(weight == 0 ? 0 : weighted / weight) + " (" + passed + "/" + tests + ")");
            }
            rows.add(row);
        }
        return rows;
    }

    /** p50 / p95 / p99 of each figure per column, "-" where nothing was measured. */
    static List<ReportPage.Speed> speed(List<ReportColumn> columns) {
        List<ReportPage.Speed> out = new ArrayList<>();
        for (ReportColumn c : columns) {
            List<String> p = new ArrayList<>();
            for (Figure figure : Figure.values()) {
                Percentiles s = Percentiles.of(c.samples(figure.value));
                p.add(s.count() == 0 ? "-" : fmt(s.at(50)) + " / " + fmt(s.at(95)) + " / " + fmt(s.at(99)));
            }
            out.add(new ReportPage.Speed(c.label, p.get(0), p.get(1), p.get(2), p.get(3), p.get(4)));
        }
        return out;
    }

    /** Each column's memory and energy beside its score and speed; empty when no run recorded a footprint. */
    static List<ReportPage.Cost> costs(List<ReportColumn> columns) {
        if (columns.stream().allMatch(c -> c.footprint == null)) {
            return List.of();
        }
        List<ReportPage.Cost> out = new ArrayList<>();
        for (ReportColumn c : columns) {
            Footprints.ModelFootprint f = c.footprint;
            Percentiles tps = Percentiles.of(c.samples(Figure.TPS.value));
            String speed = tps.count() == 0 ? "-" : fmt(tps.at(50));
            if (f == null) {
                out.add(new ReportPage.Cost(c.label, fmt(c.total()), speed, "not recorded", "", "", "", "not recorded", "", "", ""));
                continue;
            }
            out.add(new ReportPage.Cost(c.label, fmt(c.total()), speed,
                    f.memoryPeakBytes() == null ? "not measured: " + f.memoryUnavailable()
                            : Footprints.ModelFootprint.mib(f.memoryAtLoadBytes()) + " / " + Footprints.ModelFootprint.mib(f.memoryPeakBytes()),
                    f.memorySource() == null ? "" : f.memorySource(),
                    f.vramPeakBytes() == null ? "-" : Footprints.ModelFootprint.mib(f.vramPeakBytes()) + " (" + f.vramSource() + ")",
                    f.kvCacheBytes() == null ? "-" : Footprints.ModelFootprint.mib(f.kvCacheBytes()),
                    f.energyJoules() == null ? "not measured: " + f.energyUnavailable()
                            : fmt(f.energyJoules()) + " J (" + f.energySource() + ")",
                    figure(f.joulesPerQuestion(), " J"), figure(f.joulesPerCorrect(), " J"), figure(f.tokensPerJoule(), "")));
        }
        return out;
    }

    private static String figure(Double value, String unit) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.3g%s", value, unit);
    }

    /** Questions whose score differs between the first and the last column, the biggest drops first. */
    static List<ReportPage.Changed> changed(List<ReportColumn> columns) {
        if (columns.size() < 2) {
            return List.of();
        }
        ReportColumn first = columns.get(0);
        ReportColumn last = columns.get(columns.size() - 1);
        record Delta(double delta, ReportPage.Changed row) {
        }
        List<Delta> deltas = new ArrayList<>();
        for (var e : first.outcomes.entrySet()) {
            FinalScores.Outcome other = last.outcomes.get(e.getKey());
            if (other == null) {
                continue;
            }
            double a = e.getValue().score().score();
            double b = other.score().score();
            if (a != b) {
                deltas.add(new Delta(b - a, new ReportPage.Changed(e.getKey(), fmt(a), fmt(b), (b > a ? "+" : "") + fmt(b - a))));
            }
        }
        // A stable sort: equal drops keep the first column's order.
        deltas.sort(Comparator.comparingDouble(Delta::delta));
        return deltas.stream().map(Delta::row).toList();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
