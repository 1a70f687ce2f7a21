package org.llmbench.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.llmbench.record.Sampling;

/**
 * The uncertainty of a score over questions: the weighted mean of the question scores (0-100), its standard error
 * treating the questions as a sample from all the questions the suite could have asked, and a 95 % confidence
 * interval of mean ± 1.96 standard errors (the normal approximation), clipped to 0-100. Kept as running sums, so a
 * total over a million questions holds six numbers.
 *
 * <p>With weights w and scores s over n questions, mean m = Σws / Σw and
 * SE = sqrt(n / (n - 1) · Σw²(s - m)²) / Σw, which for equal weights is the sample standard deviation over √n. A
 * paired difference of two runs on the same questions is the same estimate over the per-question differences
 * (B - A), so it keeps what the two runs share out of its error; the difference is real at 95 % when its interval
 * excludes 0.
 */
public final class Uncertainty {

    /** The 97.5 % quantile of the standard normal distribution. */
    static final double Z95 = 1.959963984540054;

    /**
     * A mean with its uncertainty.
     *
     * @param stderr null with fewer than two questions
     * @param low lower end of the 95 % interval (the mean itself when stderr is null)
     */
    public record Estimate(double mean, Double stderr, double low, double high, int n) {

        /** The half-width of the interval before clipping (1.96 standard errors), or 0. */
        public double halfWidth() {
            return stderr == null ? 0 : Z95 * stderr;
        }

        /** Whether the interval excludes zero (for a difference: the difference is real at 95 %). */
        public boolean excludesZero() {
            return stderr != null && (low > 0 || high < 0);
        }

        /** {@code 75.0 ±49.0}, or the mean alone when there is no error. */
        public String shortText() {
            return stderr == null ? String.format(Locale.ROOT, "%.1f", mean)
                    : String.format(Locale.ROOT, "%.1f±%.1f", mean, halfWidth());
        }
    }

    /** Running sums of weighted scores. */
    public static final class Sums {
        private int n;
        private double w;
        private double ws;
        private double w2;
        private double w2s;
        private double w2s2;

        public void add(double score, double weight) {
            n++;
            w += weight;
            ws += weight * score;
            w2 += weight * weight;
            w2s += weight * weight * score;
            w2s2 += weight * weight * score * score;
        }

        /** The estimate of a score (clipped to 0-100). */
        public Estimate score() {
            return estimate(0, 100);
        }

        /** The estimate of a difference of scores (clipped to -100..100). */
        public Estimate difference() {
            return estimate(-100, 100);
        }

        private Estimate estimate(double min, double max) {
            if (n == 0 || w == 0) {
                return new Estimate(0, null, 0, 0, n);
            }
            double mean = ws / w;
            if (n < 2) {
                return new Estimate(mean, null, mean, mean, n);
            }
            double squares = Math.max(0, w2s2 - 2 * mean * w2s + mean * mean * w2);
            double se = Math.sqrt(squares * n / (n - 1.0)) / w;
            double half = Z95 * se;
            return new Estimate(mean, se, Math.max(min, mean - half), Math.min(max, mean + half), n);
        }
    }

    /** The mean pass@k over sampled questions, per k (a k counts only the questions with at least k samples). */
    static final class PassRates {
        private final Map<String, double[]> byK = new TreeMap<>(Comparator.comparingInt(Integer::parseInt));

        /** Adds a sampled question's pass@k (null: a question asked once, nothing to add). */
        void add(Sampling sampling) {
            if (sampling == null) {
                return;
            }
            sampling.passAtK().forEach((k, v) -> {
                double[] sum = byK.computeIfAbsent(k, key -> new double[2]);
                sum[0] += v;
                sum[1]++;
            });
        }

        boolean isEmpty() {
            return byK.isEmpty();
        }

        /** k to the mean pass@k, in k order. */
        Map<String, Double> means() {
            Map<String, Double> means = new LinkedHashMap<>();
            byK.forEach((k, sum) -> means.put(k, round(sum[0] / sum[1])));
            return means;
        }
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private Uncertainty() {
    }
}
