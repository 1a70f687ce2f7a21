package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Standard errors and 95 % intervals against cases worked by hand. */
class UncertaintyTest {

    @Test
    void fourQuestionsOneFailed() {
        // scores 100, 0, 100, 100: mean 75; sample sd = sqrt((3 * 25^2 + 75^2) / 3) = 50; SE = 50 / sqrt(4) = 25
        Uncertainty.Sums sums = new Uncertainty.Sums();
        for (double s : new double[] {100, 0, 100, 100}) {
            sums.add(s, 1);
        }
        Uncertainty.Estimate e = sums.score();
        assertThat(e.mean()).isEqualTo(75);
        assertThat(e.stderr()).isCloseTo(25, within(1e-9));
        assertThat(e.low()).isCloseTo(75 - 1.959963984540054 * 25, within(1e-9)); // 26.00
        assertThat(e.high()).as("clipped to 100").isEqualTo(100);
        assertThat(e.shortText()).isEqualTo("75.0±49.0");
    }

    @Test
    void weightsCountAsRepeatedQuestionsInTheMeanAndAsOneQuestionInTheError() {
        // weights 2 and 1, scores 90 and 60: mean (180 + 60) / 3 = 80;
        // sum w^2 (s - m)^2 = 4 * 100 + 1 * 400 = 800; SE = sqrt(2 / 1 * 800) / 3 = 40 / 3
        Uncertainty.Sums sums = new Uncertainty.Sums();
        sums.add(90, 2);
        sums.add(60, 1);
        Uncertainty.Estimate e = sums.score();
        assertThat(e.mean()).isCloseTo(80, within(1e-9));
        assertThat(e.stderr()).isCloseTo(40.0 / 3, within(1e-9));
    }

    @Test
    void oneQuestionOrAllEqualHasNoSpread() {
        Uncertainty.Sums one = new Uncertainty.Sums();
        one.add(40, 1);
        assertThat(one.score().stderr()).isNull();
        assertThat(one.score().low()).isEqualTo(40);
        Uncertainty.Sums same = new Uncertainty.Sums();
        for (int i = 0; i < 5; i++) {
            same.add(100, 1);
        }
        assertThat(same.score().stderr()).isZero();
        assertThat(same.score().excludesZero()).isTrue();
    }

    @Test
    void aPairedDifferenceSaysWhetherItExcludesZero() {
        // differences +100, 0, 0, 0: mean 25, sd 50, SE 25 -> 25 ± 49: includes 0
        Uncertainty.Sums small = new Uncertainty.Sums();
        for (double d : new double[] {100, 0, 0, 0}) {
            small.add(d, 1);
        }
        assertThat(small.difference().excludesZero()).isFalse();
        assertThat(small.difference().low()).isCloseTo(25 - 1.959963984540054 * 25, within(1e-9));
        // twenty questions, B better on ten and equal on the rest: mean 50, sd 51.3, SE 11.47 -> excludes 0
        Uncertainty.Sums many = new Uncertainty.Sums();
        for (int i = 0; i < 20; i++) {
            many.add(i % 2 == 0 ? 100 : 0, 1);
        }
        assertThat(many.difference().excludesZero()).isTrue();
        assertThat(many.difference().stderr()).isCloseTo(Math.sqrt(20 * 2500 / 19.0) / Math.sqrt(20), within(1e-9));
    }
}
