package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.record.RunFolders;

/** report.html's paired view: the last run against the first, its flips worst first, or why they cannot be paired. */
class PairedViewTest {

    @TempDir
    Path dir;

    private Path run(String name, double... scores) throws Exception {
        SyntheticLedger ledger = new SyntheticLedger();
        for (int i = 0; i < scores.length; i++) {
            String item = "q" + (i + 1);
            ledger.call("m", "s", item, 10, null, 1).score("m", "s", item, scores[i], 1);
        }
        return ledger.writeTo(dir.resolve(name).resolve(RunFolders.LEDGER)).getParent();
    }

    @Test
    void twoRunsShowTheLastHeldToTheFirst() throws Exception {
        Path before = run("before", 100, 100, 100, 100, 100, 100, 100, 0);
        Path after = run("after", 0, 50, 100, 10, 100, 20, 60, 100);
        ReportPage.Paired paired = PairedView.of(List.of(before, after));
        assertThat(paired.about()).isEqualTo("after against the baseline before (alpha 0.05, max drop none)");
        assertThat(paired.verdict()).isEqualTo("regression gate: passed");
        ReportPage.PairedModel m = paired.models().get(0);
        assertThat(m.flips()).isEqualTo("5 / 1");
        assertThat(m.pValue()).isEqualTo("0.2188");
        assertThat(m.flipped()).extracting(ReportPage.Flip::question).containsExactly("s/q1", "s/q4", "s/q6", "s/q2", "s/q7", "s/q8");
        assertThat(m.flipped().get(0).direction()).isEqualTo("pass → fail");
        assertThat(m.flipped().get(5).direction()).isEqualTo("fail → pass");

        Path page = dir.resolve("page.html");
        HtmlReport.write(List.of(before, after), page);
        String html = Files.readString(page);
        assertThat(PairedMarkdown.section(paired)).contains("## Regression gate")
                .contains("| m | m | 8 | 7 → 3 | 5 / 1 | 0.2188 | 87.50 → 55.00 (-32.50) |")
                .contains("- s/q1: pass → fail, 100.0 → 0.0 (-100.0)");
        assertThat(html).contains("<section id=\"paired\">").contains("<td>s/q1</td><td>pass → fail</td><td>100.0</td><td>0.0</td><td>-100.0</td>")
                .contains("<td>0.2188</td>");
    }

    @Test
    void runsThatCannotBePairedSayWhyWithoutAbsolutePaths() throws Exception {
        Path before = run("before", 100, 100);
        Path after = run("after", 100);
        ReportPage.Paired paired = PairedView.of(List.of(before, after));
        assertThat(paired.verdict()).isEqualTo("not paired");
        assertThat(paired.refused()).contains("missing in this run (only in the baseline) 1: s/q2")
                .doesNotContain(" " + dir.toAbsolutePath()).doesNotContain("(" + dir.toAbsolutePath());
        assertThat(paired.models()).isEmpty();
    }

    @Test
    void aSingleRunWithoutABaselineHasNoPairedView() throws Exception {
        assertThat(PairedView.of(List.of(run("alone", 100)))).isNull();
    }
}
