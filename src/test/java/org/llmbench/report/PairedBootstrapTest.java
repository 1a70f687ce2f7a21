package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The paired bootstrap: reproducible, exact when every pair moved alike, and as wide as the normal theory says. */
class PairedBootstrapTest {

    @Test
    void theSamePairsGiveTheSameIntervalEveryTime() {
        double[] d = new SplittableRandom(7).doubles(200, -100, 100).toArray();
        double[] w = new double[200];
        Arrays.fill(w, 1);
        assertThat(PairedBootstrap.of(d, w, 0.05)).isEqualTo(PairedBootstrap.of(d.clone(), w.clone(), 0.05));
    }

    @Test
    void everyPairMovedAlikeIsAPointInterval() {
        double[] d = {-10, -10, -10, -10};
        double[] w = {1, 2, 3, 4};
        assertThat(PairedBootstrap.of(d, w, 0.05)).isEqualTo(new PairedBootstrap.Interval(-10, -10));
    }

    @Test
    void noPairIsNoInterval() {
        assertThat(PairedBootstrap.of(new double[0], new double[0], 0.05)).isNull();
    }

    @Test
    void widthMatchesTheNormalApproximationForManyPairs() {
        // 400 pairs: a quarter dropped 100 points, the rest unchanged. Mean -25, SD of the mean sqrt(p(1-p)/n)*100.
        double[] d = new double[400];
        double[] w = new double[400];
        Arrays.fill(w, 1);
        for (int i = 0; i < 100; i++) {
            d[i] = -100;
        }
        PairedBootstrap.Interval interval = PairedBootstrap.of(d, w, 0.05);
        double se = Math.sqrt(0.25 * 0.75 / 400) * 100;
        assertThat(interval.low()).isCloseTo(-25 - 1.96 * se, within(0.6));
        assertThat(interval.high()).isCloseTo(-25 + 1.96 * se, within(0.6));
    }

    @Test
    void weightsCount() {
        // The heavy question dropped; the light ones did not: the interval sits near the heavy one's share.
        double[] d = {-100, 0, 0, 0};
        double[] w = {97, 1, 1, 1};
        PairedBootstrap.Interval interval = PairedBootstrap.of(d, w, 0.05);
        assertThat(interval.high()).isEqualTo(0.0);
        assertThat(interval.low()).isLessThan(-99.0);
        assertThat(PairedBootstrap.of(new double[] {-100, -100}, new double[] {0, 0}, 0.05))
                .isEqualTo(new PairedBootstrap.Interval(0, 0));
    }
}
