package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * McNemar's exact p-value against values computed by hand with exact fractions (Python's math.comb and Fraction:
 * p = min(1, 2 * sum_{i<=min(b,c)} C(b+c, i) / 2^(b+c))).
 */
class McNemarTest {

    @ParameterizedTest
    @CsvSource({
        "10, 0, 0.001953125",
        "0, 10, 0.001953125",
        "7, 2, 0.1796875",
        "5, 5, 1.0",
        "25, 0, 5.960464477539063e-08",
        "12, 3, 0.03515625",
        "600, 500, 0.0028195449914364275",
        "3, 2, 1.0",
        "1, 0, 1.0",
        "6, 0, 0.03125",
    })
    void exactTwoSidedPValue(int b, int c, double expected) {
        assertThat(McNemar.exactP(b, c)).isCloseTo(expected, within(expected * 1e-9));
    }

    @Test
    void noDiscordantPairIsNoEvidence() {
        assertThat(McNemar.exactP(0, 0)).isEqualTo(1.0);
    }

    @Test
    void symmetricAndNeverAboveOne() {
        for (int b = 0; b < 30; b++) {
            for (int c = 0; c < 30; c++) {
                double p = McNemar.exactP(b, c);
                assertThat(p).isEqualTo(McNemar.exactP(c, b)).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void negativeCountsAreABug() {
        assertThatThrownBy(() -> McNemar.exactP(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
