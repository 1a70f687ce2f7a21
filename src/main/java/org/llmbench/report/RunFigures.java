package org.llmbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each model's figures in one finished run, over all its phases and per phase, derived from the run's ledger as the
 * console table and metadata.json are ({@link RunSummary}): what the catalogue shows of a run beside the others.
 *
 * @param models per model, in the order the run scored them
 */
public record RunFigures(Map<String, Model> models) {

    /**
     * The figures of one model (or of one model in one phase).
     *
     * @param score the weighted score, 0-100
     * @param halfWidth the half-width of its 95 % interval over the questions ({@link Uncertainty})
     * @param ttftP50Ms the median time to first token over the calls that answered, null when none was measured
     * @param tokensPerSP50 the median tokens/s a user sees, null when none was measured
     * @param latencyP50Ms the median end-to-end latency, null without an answered call
     */
    public record Figures(double score, double halfWidth, double low, double high, int tests, int passed, Double ttftP50Ms,
                          Double tokensPerSP50, Double latencyP50Ms) {
    }

    /**
     * One model: its weighted total and each phase's, in run order, and what running it cost when the run measured it
     * (the ledger's footprint events, as results.json and metadata.json take them; null without any).
     */
    public record Model(Figures total, Map<String, Figures> phases, Footprint footprint) {
    }

    /**
     * Memory in bytes and energy in joules with their sources; a figure nobody could measure is null, never 0.
     */
    public record Footprint(Long memoryPeakBytes, String memorySource, Long vramPeakBytes, Double energyJoules,
                            String energySource, Double joulesPerQuestion, Double tokensPerJoule) {

        static Footprint of(Footprints.ModelFootprint f) {
            return f == null ? null : new Footprint(f.memoryPeakBytes(), f.memorySource(), f.vramPeakBytes(), f.energyJoules(),
                    f.energySource(), f.joulesPerQuestion(), f.tokensPerJoule());
        }
    }

    /** Reads the ledger of a run folder. */
    public static RunFigures of(Path ledger) throws IOException {
        RunSummary summary = RunSummary.of(ledger);
        Map<String, Model> models = new LinkedHashMap<>();
        summary.byModel.forEach((model, group) -> {
            Map<String, Figures> phases = new LinkedHashMap<>();
            summary.bySuite.getOrDefault(model, Map.of()).forEach((phase, g) -> phases.put(phase, figures(g)));
            models.put(model, new Model(figures(group), phases, Footprint.of(summary.footprint(model))));
        });
        return new RunFigures(models);
    }

    private static Figures figures(RunSummary.Group g) {
        Uncertainty.Estimate e = g.estimate();
        return new Figures(g.score(), e.halfWidth(), e.low(), e.high(), g.scored, g.passed, median(g.ttft),
                median(g.tokensPerS), median(g.latency));
    }

    private static Double median(List<Double> values) {
        return Percentiles.of(values).rounded(50);
    }
}
