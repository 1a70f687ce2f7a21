package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report --compare: the paired difference of two runs on the same questions, with its interval. */
class PairedDifferenceTest {

    @TempDir
    Path dir;

    private Path run(String name, double... scores) throws Exception {
        SyntheticLedger ledger = new SyntheticLedger();
        for (int i = 0; i < scores.length; i++) {
            ledger.call("m", "s", "Q" + i, 10, null, 1).score("m", "s", "Q" + i, scores[i], 1);
        }
        return ledger.writeTo(dir.resolve(name + "/run.jsonl"));
    }

    @Test
    void aThreePointLeadOnFourQuestionsIsNotShown() throws Exception {
        // differences +100, 0, 0, 0 (B solved one more): mean 25, SE 25, interval -24.0 to 74.0
        RunComparison c = RunComparison.of(run("a", 0, 100, 100, 0), run("b", 100, 100, 100, 0));
        assertThat(c.difference().mean()).isEqualTo(25);
        assertThat(c.difference().stderr()).isCloseTo(25, within(1e-9));
        assertThat(c.difference().excludesZero()).isFalse();
        assertThat(c.table()).contains("paired difference B - A (weighted): +25.00, 95% CI -24.00 to +74.00 (SE 25.00, n=4)")
                .contains("no difference shown at 95 %");
    }

    @Test
    void aConsistentLeadIsShownEvenWhenQuestionsDifferInDifficulty() throws Exception {
        // B scores 10 more on every question: the paired SE is 0 although the scores themselves spread widely
        RunComparison c = RunComparison.of(run("a", 0, 30, 60, 90), run("b", 10, 40, 70, 100));
        assertThat(c.difference().mean()).isCloseTo(10, within(1e-9));
        assertThat(c.difference().stderr()).isCloseTo(0, within(1e-9));
        assertThat(c.difference().excludesZero()).isTrue();
        assertThat(c.table()).contains("B is better at 95 %");
    }
}
