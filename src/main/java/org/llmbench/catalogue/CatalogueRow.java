package org.llmbench.catalogue;

import java.util.Map;
import org.llmbench.report.RunFigures;

/**
 * One model of one submitted run, as the site's script reads it (Jackson writes the components by name).
 *
 * @param link the run's report.html, relative to the site's pages
 * @param verified whether the caller's checker passed the run folder; {@code verdict} says what it checked or found
 * @param bandwidthGbS the memory bandwidth hardware.json records for the device the model ran from; null when it
 *                     records none (the page then leaves normalised speed blank)
 * @param footprint the model's memory and energy, when the run measured them; null otherwise
 * @param settings what makes two runs' scores comparable (suites, options, weights), as a short digest
 */
record CatalogueRow(String run, String handle, String device, String model, String quant, String deviceClass,
                    Double memoryGb, Double vramGb, String os, String runtime, String provider, boolean verified,
                    String verdict, String harness, String date, String link, Fig total,
                    Map<String, Fig> phases, Double bandwidthGbS, Footprint footprint, String settings) {

    /**
     * What running the model cost (issue 30's footprint, from the run's ledger): peak memory (main, and VRAM when
     * measured) in GB, energy per question and tokens per joule; a figure nobody could measure is null, never 0.
     */
    record Footprint(Double memoryPeakGb, Double vramPeakGb, String memorySource, Double joulesPerQuestion,
                     Double tokensPerJoule, String energySource) {

        private static final double GB = 1e9;

        static Footprint of(RunFigures.Footprint f) {
            return f == null ? null : new Footprint(gb(f.memoryPeakBytes()), gb(f.vramPeakBytes()), f.memorySource(),
                    round(f.joulesPerQuestion()), round(f.tokensPerJoule()), f.energySource());
        }

        private static Double gb(Long bytes) {
            return bytes == null || bytes <= 0 ? null : Math.round(bytes / GB * 100) / 100.0;
        }

        private static Double round(Double v) {
            return v == null || !Double.isFinite(v) ? null : Math.round(v * 100) / 100.0;
        }
    }

    /**
     * A score with its interval's half-width, the tests and passes behind it, and the medians of the speed figures.
     *
     * @param s the weighted score, 0-100
     * @param hw the half-width of its 95 % interval over the questions
     */
    record Fig(double s, double hw, int n, int p, Double ttft, Double tps, Double lat) {

        static Fig of(RunFigures.Figures f) {
            return new Fig(round(f.score()), round(f.halfWidth()), f.tests(), f.passed(), f.ttftP50Ms(), f.tokensPerSP50(),
                    f.latencyP50Ms());
        }

        /** Two decimals, as results.json's total_score: the page shows one. */
        private static double round(double v) {
            return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : 0;
        }
    }
}
