package org.llmbench.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** pass@k against values worked by hand from 1 - C(n-c, k) / C(n, k). */
class PassAtKTest {

    @Test
    void handComputedValues() {
        assertThat(PassAtK.of(5, 0, 1)).isZero();
        assertThat(PassAtK.of(5, 5, 1)).isEqualTo(1);
        assertThat(PassAtK.of(5, 2, 1)).isCloseTo(0.4, within(1e-12));              // c / n
        assertThat(PassAtK.of(5, 2, 2)).isCloseTo(1 - 3.0 / 10, within(1e-12));      // C(3,2)=3, C(5,2)=10
        assertThat(PassAtK.of(10, 3, 5)).isCloseTo(1 - 21.0 / 252, within(1e-12));   // C(7,5)=21, C(10,5)=252
        assertThat(PassAtK.of(4, 1, 4)).as("n - c < k: some sample must pass").isEqualTo(1);
        assertThat(PassAtK.of(200, 1, 100)).isCloseTo(0.5, within(1e-12));           // 1 - C(199,100)/C(200,100)
    }

    @Test
    void usualKsUpToN() {
        assertThat(PassAtK.usual(5, 1)).containsOnlyKeys("1", "2", "5");
        assertThat(PassAtK.usual(3, 3)).containsEntry("1", 1.0).containsEntry("3", 1.0);
    }
}
