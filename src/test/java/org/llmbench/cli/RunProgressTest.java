package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RunProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong();

    @Test
    void onATerminalOneLineIsRewrittenWithCountsFailuresAndTheLastTest() {
        RunProgress progress = new RunProgress(out, true, TimeUnit.SECONDS.toNanos(5), now::get);
        progress.planned(4);
        progress.ended("mock/5q/Q03", "failed");
        now.addAndGet(TimeUnit.SECONDS.toNanos(10));
        progress.ended("mock/5q/Q04", "passed");

        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("\r[llm-bench] 1/4 (25%) 1 failed").contains("mock/5q/Q03 failed")
                .contains("\r[llm-bench] 2/4 (50%) 1 failed, 10s elapsed, ETA 10s | mock/5q/Q04 passed")
                .doesNotContain("\n");
    }

    @Test
    void inALogAPlainLineEveryFewSecondsAndAlwaysTheLast() {
        RunProgress progress = new RunProgress(out, false, TimeUnit.SECONDS.toNanos(5), now::get);
        progress.planned(3);
        progress.ended("m/s/A", "passed");
        now.addAndGet(TimeUnit.SECONDS.toNanos(6));
        progress.ended("m/s/B", "passed");
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        progress.ended("m/s/C", "passed");

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "[llm-bench] 2/3 (66%) 0 failed, 6s elapsed, ETA 3s | m/s/B passed",
                "[llm-bench] 3/3 (100%) 0 failed, 7s elapsed, ETA - | m/s/C passed");
    }

    @Test
    void aNameWithControlAndBidiCharactersIsShownEscaped() {
        RunProgress progress = new RunProgress(out, false, TimeUnit.SECONDS.toNanos(5), now::get);
        progress.planned(1);
        progress.ended("evil\u001b[2J\u202emodel/5q/Q\u0000", "passed");

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("[llm-bench] 1/1 (100%) 0 failed, 0s elapsed, ETA - | evil\\u001b[2J\\u202emodel/5q/Q\\u0000 passed\n");
    }

    @Test
    void turnsAddedAsTheRunGoesAreInTheTotalSoTheLineNeverPassesAHundredPercent() {
        RunProgress progress = new RunProgress(out, false, TimeUnit.SECONDS.toNanos(5), now::get);
        progress.planned(1); // the test plan knows hello's one question; edge_append's turns come as it runs
        progress.total(13); // the engine's plan counts them
        for (int i = 0; i < 13; i++) {
            progress.ended("m/edge_append/turn", "passed");
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("13/13 (100%)").doesNotContain("/1 (");
    }
}
