package org.llmbench.report;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * McNemar's exact test on paired pass/fail outcomes: only the discordant pairs count, {@code b} questions that passed
 * in the baseline and fail now and {@code c} that failed and pass now. Under "no change" each discordant pair is a
 * fair coin, so the two-sided p-value is {@code min(1, 2 P(X <= min(b, c)))} with {@code X ~ Bin(b + c, 1/2)}
 * (the binomial from Apache Commons Statistics). No discordant pair: nothing changed, p = 1.
 */
final class McNemar {

    private McNemar() {
    }

    /** The exact two-sided p-value for {@code b} pass-to-fail and {@code c} fail-to-pass pairs. */
    static double exactP(int b, int c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("negative count: b=" + b + ", c=" + c);
        }
        int n = b + c;
        if (n == 0) {
            return 1.0;
        }
        return Math.min(1.0, 2 * BinomialDistribution.of(n, 0.5).cumulativeProbability(Math.min(b, c)));
    }
}
