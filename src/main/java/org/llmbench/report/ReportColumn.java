package org.llmbench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.llmbench.record.RunEvent;

/** One column of report.html: one model of one run, with its final outcomes (each with a score) keyed by suite/item. */
final class ReportColumn {

    final String id;
    final String model;
    final String runId;
    String label;
    /** The model's memory and energy in its run, or null when the run recorded none. */
    Footprints.ModelFootprint footprint;
    final Map<String, FinalScores.Outcome> outcomes = new LinkedHashMap<>();
    private double weighted;
    private double weight;
    private int passed;

    ReportColumn(String id, String model, String runId) {
        this.id = id;
        this.model = model;
        this.runId = runId;
    }

    void add(FinalScores.Outcome outcome) {
        RunEvent.Score score = outcome.score();
        outcomes.put(score.ref().suite() + "/" + score.ref().item(), outcome);
        weighted += score.weightedScore();
        weight += score.weight();
        passed += score.passed() ? 1 : 0;
    }

    /** The weighted total, 0-100. */
    double total() {
        return weight == 0 ? 0 : weighted / weight;
    }

    int passed() {
        return passed;
    }

    /**
     * The weighted total's uncertainty, as every other report gives it ({@link Uncertainty}: the standard error of
     * the weighted mean over its questions, times 1.96, clipped to 0-100). Questions are the sampling unit.
     */
    Uncertainty.Estimate estimate() {
        Uncertainty.Sums sums = new Uncertainty.Sums();
        outcomes.values().forEach(o -> sums.add(o.score().score(), o.score().weight()));
        return sums.score();
    }

    /** The values of one figure over the calls that answered and measured it. */
    double[] samples(Function<RunEvent.Call, Number> figure) {
        return outcomes.values().stream().map(FinalScores.Outcome::answered).filter(Objects::nonNull).map(figure)
                .filter(Objects::nonNull).mapToDouble(Number::doubleValue).toArray();
    }
}
