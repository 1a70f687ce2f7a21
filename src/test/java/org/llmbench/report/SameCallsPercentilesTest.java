package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's phase percentiles and report.md's (PhaseFigures) are over the same calls: those that answered. */
class SameCallsPercentilesTest {

    @TempDir
    Path dir;

    @Test
    void aSlowFailedCallMovesNeitherTheConsolesP95NorTheReports() throws Exception {
        SyntheticLedger ledger = new SyntheticLedger();
        for (int i = 1; i <= 4; i++) {
            ledger.call("m", "s", "Q" + i, 100 * i, 10L, 20).score("m", "s", "Q" + i, 100, 1);
        }
        ledger.failedCall("m", "s", "Q5", "timeout", 90000).score("m", "s", "Q5", 0, 1);
        Path file = ledger.writeTo(dir.resolve("run.jsonl"));

        String table = RunSummary.of(file).table();
        PhaseFigures figures = new PhaseFigures();
        FinalScores.forEach(file, figures::add);
        double reportP95 = figures.figures(null).latencyMs().p95();

        assertThat(reportP95).as("p95 of 100, 200, 300, 400").isEqualTo(385);
        assertThat(table).contains("385ms").doesNotContain("90000ms")
                .contains("over the calls that answered");
        assertThat(table.lines().filter(l -> l.startsWith("  s ")).findFirst().orElseThrow())
                .as("the failed call is counted under errors").matches(".*\\s5\\s+4\\s+1\\s.*");
    }
}
