package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.record.RunFolders;

/**
 * The regression gate on hand-made ledgers: noise passes, a real drop fails naming the flipped questions worst first,
 * other question sets and models are refused with the reason, and a damaged or edited file is named with its field.
 */
class RegressionGateTest {

    @TempDir
    Path dir;

    private static GateSettings settings(Path baseline) {
        return new GateSettings(baseline, 0.05, null, Map.of());
    }

    /** A run folder holding one model's scores over q01..qN of suite s. */
    private Path run(String name, String model, double... scores) throws IOException {
        SyntheticLedger ledger = new SyntheticLedger();
        for (int i = 0; i < scores.length; i++) {
            String item = String.format("q%02d", i + 1);
            ledger.call(model, "s", item, 100, null, 10).score(model, "s", item, scores[i], 1);
        }
        Path folder = dir.resolve(name);
        ledger.writeTo(folder.resolve(RunFolders.LEDGER));
        return folder;
    }

    private static double[] repeat(int n, double score) {
        double[] scores = new double[n];
        java.util.Arrays.fill(scores, score);
        return scores;
    }

    @Test
    void noiseBetweenTwoRunsPasses() throws IOException {
        // 40 questions; three went from pass to fail and two the other way: McNemar p = 1, nothing to fail.
        double[] before = repeat(40, 100);
        for (int i = 0; i < 5; i++) {
            before[35 + i] = 0;
        }
        double[] after = before.clone();
        after[0] = 0;
        after[1] = 40;
        after[2] = 60;
        after[35] = 100;
        after[36] = 80;
        Path baseline = run("base", "m", before);
        RegressionGate.Verdict verdict = RegressionGate.judge(run("now", "m", after), settings(baseline));
        assertThat(verdict.failed()).isFalse();
        assertThat(verdict.failure()).isEmpty();
        RegressionGate.ModelVerdict m = verdict.models().get(0);
        assertThat(m.passToFail()).extracting(RegressionGate.Flip::question).containsExactly("s/q01", "s/q02", "s/q03");
        assertThat(m.failToPass()).extracting(RegressionGate.Flip::question).containsExactly("s/q36", "s/q37");
        assertThat(m.pValue()).isEqualTo(1.0);
        assertThat(m.low()).isLessThan(m.difference()).isLessThan(0);
        assertThat(m.high()).isGreaterThan(0);
        assertThat(verdict.lines()).last().asString().startsWith("regression gate: passed against");
        assertThat(String.join("\n", verdict.lines())).contains("the drop is within noise (p = 1.0000 >= 0.05)");
    }

    @Test
    void aRealDropFailsNamingTheQuestionsWorstFirst() throws IOException {
        double[] after = repeat(30, 100);
        // Nine questions fell below the pass mark of 70, by different amounts; one partly scored question kept its pass.
        double[] fallen = {60, 0, 50, 20, 69, 10, 30, 45, 5};
        System.arraycopy(fallen, 0, after, 0, fallen.length);
        after[20] = 75;
        RegressionGate.Verdict verdict = RegressionGate.judge(run("now", "m", after), settings(run("base", "m", repeat(30, 100))));
        assertThat(verdict.failed()).isTrue();
        RegressionGate.ModelVerdict m = verdict.models().get(0);
        assertThat(m.significantDrop()).isTrue();
        assertThat(m.overMaxDrop()).isFalse();
        assertThat(m.passToFail()).extracting(RegressionGate.Flip::question)
                .containsExactly("s/q02", "s/q09", "s/q06", "s/q04", "s/q07", "s/q08", "s/q03", "s/q01", "s/q05");
        assertThat(m.pValue()).isEqualTo(McNemar.exactP(9, 0));
        assertThat(verdict.failure()).get().asString().contains("m a significant drop (9 pass->fail against 0 fail->pass, p = 0.0039 < 0.05)");
        List<String> lines = verdict.lines();
        int worst = indexOf(lines, "s/q02");
        assertThat(worst).isPositive().isLessThan(indexOf(lines, "s/q09")).isLessThan(indexOf(lines, "s/q05"));
        assertThat(lines.get(worst)).contains("100.0 ->    0.0 (-100.0)");
        assertThat(String.join("\n", lines)).doesNotContain("s/q21").contains("pass->fail, worst first:");
    }

    @Test
    void aDropWithinNoiseStillFailsWhenLargerThanTheMaximum() throws IOException {
        // Two flips of 40: p = 0.5, not significant; the score fell (60 + 60) / 40 = 3 points.
        double[] after = repeat(40, 100);
        after[0] = 40;
        after[1] = 40;
        Path baseline = run("base", "m", repeat(40, 100));
        Path now = run("now", "m", after);
        assertThat(RegressionGate.judge(now, new GateSettings(baseline, 0.05, 4.0, Map.of())).failed()).isFalse();
        RegressionGate.Verdict strict = RegressionGate.judge(now, new GateSettings(baseline, 0.05, 1.0, Map.of()));
        assertThat(strict.failed()).isTrue();
        assertThat(strict.models().get(0).significantDrop()).isFalse();
        assertThat(strict.failure()).get().asString().contains("its score fell 3.00 points, more than the 1.00 allowed");
        // A drop of exactly the maximum passes.
        assertThat(RegressionGate.judge(now, new GateSettings(baseline, 0.05, 3.0, Map.of())).failed()).isFalse();
    }

    @Test
    void improvementsNeverFail() throws IOException {
        double[] before = repeat(20, 0);
        RegressionGate.Verdict verdict = RegressionGate.judge(run("now", "m", repeat(20, 100)),
                new GateSettings(run("base", "m", before), 0.05, 0.0, Map.of()));
        assertThat(verdict.failed()).isFalse();
        assertThat(verdict.models().get(0).pValue()).isLessThan(0.001);
    }

    @Test
    void differentQuestionSetsAreRefusedNamingWhatIsMissingOnWhichSide() throws IOException {
        Path baseline = run("base", "m", repeat(12, 100));
        Path now = run("now", "m", repeat(10, 100));
        new SyntheticLedger().call("m", "s", "q01", 1, null, 1).score("m", "s", "q01", 100, 1)
                .call("m", "extra", "x1", 1, null, 1).score("m", "extra", "x1", 100, 1)
                .writeTo(dir.resolve("other").resolve(RunFolders.LEDGER));
        assertThatThrownBy(() -> RegressionGate.judge(now, settings(baseline)))
                .isInstanceOf(BaselineProblem.class)
                .hasMessageContaining("the question sets differ for m")
                .hasMessageContaining("missing in this run (only in the baseline) 2: s/q11, s/q12");
        assertThatThrownBy(() -> RegressionGate.judge(dir.resolve("other"), settings(baseline)))
                .hasMessageContaining("missing in this run (only in the baseline) 11: s/q02, s/q03")
                .hasMessageContaining(", ... and 1 more")
                .hasMessageContaining("missing in the baseline (only in this run) 1: extra/x1");
    }

    @Test
    void modelsPairByNameByMappingOrWhenEachRunHoldsOne() throws IOException {
        Path baseline = run("base", "old", repeat(5, 100));
        RegressionGate.Verdict single = RegressionGate.judge(run("now", "new", repeat(5, 100)), settings(baseline));
        assertThat(single.models().get(0).baselineModel()).isEqualTo("old");
        assertThat(single.lines().get(1)).contains("new vs baseline old (each run holds one model)");

        SyntheticLedger two = new SyntheticLedger();
        for (String model : List.of("a", "b")) {
            two.call(model, "s", "q01", 1, null, 1).score(model, "s", "q01", 100, 1);
        }
        Path twoModels = two.writeTo(dir.resolve("two").resolve(RunFolders.LEDGER)).getParent();
        SyntheticLedger threeLedger = new SyntheticLedger();
        for (String model : List.of("a", "c")) {
            threeLedger.call(model, "s", "q01", 1, null, 1).score(model, "s", "q01", 100, 1);
        }
        Path other = threeLedger.writeTo(dir.resolve("ac").resolve(RunFolders.LEDGER)).getParent();
        assertThatThrownBy(() -> RegressionGate.judge(other, settings(twoModels)))
                .hasMessageContaining("model c is not in the baseline")
                .hasMessageContaining("set bench.baselineModel=c=<baseline model>");
        RegressionGate.Verdict mapped = RegressionGate.judge(other, new GateSettings(twoModels, 0.05, null,
                GateSettings.models("c=b")));
        assertThat(mapped.models()).extracting(RegressionGate.ModelVerdict::baselineModel).containsExactly("a", "b");
        assertThatThrownBy(() -> RegressionGate.judge(other, new GateSettings(twoModels, 0.05, null, GateSettings.models("c=z"))))
                .hasMessageContaining("bench.baselineModel holds c to z, which the baseline");
    }

    @Test
    void aBaselineThatCannotBeReadIsNamedWithTheFileAndTheField() throws IOException {
        assertThatThrownBy(() -> RunScores.read(dir.resolve("nowhere"), "bench.baseline"))
                .hasMessageContaining("does not exist");
        Path onlyResults = dir.resolve("lonely");
        Files.createDirectories(onlyResults);
        Files.writeString(onlyResults.resolve(RunResults.FILE), "{\"tasks\": []}");
        assertThatThrownBy(() -> RunScores.read(onlyResults.resolve(RunResults.FILE), "bench.baseline"))
                .hasMessageContaining("no run.jsonl in").hasMessageContaining("give the whole run folder");

        Path junk = dir.resolve("junk");
        new SyntheticLedger().call("m", "s", "q01", 1, null, 1).raw("{not json").score("m", "s", "q01", 100, 1)
                .writeTo(junk.resolve(RunFolders.LEDGER));
        assertThatThrownBy(() -> RunScores.read(junk, "bench.baseline"))
                .hasMessageContaining("line(s) of").hasMessageContaining("are no event").hasMessageContaining(":2");

        Path forged = dir.resolve("forged");
        new SyntheticLedger().call("m", "s", "q01", 1, null, 1)
                .event(new org.llmbench.record.RunEvent.Score(org.llmbench.record.Stamp.now("r"),
                        SyntheticLedger.ref("m", "s", "q01"), 20, 70, true, 1, 20, List.of(), null, null, null))
                .call("m", "s", "q02", 1, null, 1).score("m", "s", "q02", 250, 1)
                .writeTo(forged.resolve(RunFolders.LEDGER));
        assertThatThrownBy(() -> RunScores.read(forged, "bench.baseline"))
                .hasMessageContaining("score of m s/q01: field passed is true but the score 20.0 is below its pass_mark 70.0")
                .hasMessageContaining("score of m s/q02: field score is 250.0, not a number from 0 to 100");
    }

    @Test
    void aResultsFileThatDisagreesWithItsLedgerIsRefused() throws IOException {
        Path baseline = run("base", "m", 100, 0);
        Files.writeString(baseline.resolve(RunResults.FILE), """
                {"tasks": [
                  {"model": "m", "suite": "s", "item": "q01", "score": 100.0, "passed": true},
                  {"model": "m", "suite": "s", "item": "q02", "score": 100.0, "passed": true}
                ]}""");
        assertThatThrownBy(() -> RunScores.read(baseline.resolve(RunResults.FILE), "bench.baseline"))
                .hasMessageContaining("results.json: tasks[1] (m s/q02): fields score/passed say 100.0/true but the ledger"
                        + " run.jsonl says 0.0/false");
        Files.writeString(baseline.resolve(RunResults.FILE), """
                {"tasks": [{"model": "m", "suite": "s", "item": "q02", "score": 0.0, "passed": false}]}""");
        assertThat(RunScores.read(baseline.resolve(RunResults.FILE), "bench.baseline").byModel().get("m")).hasSize(2);
    }

    @Test
    void aRunThatScoredNothingIsRefused() throws IOException {
        Path empty = dir.resolve("empty");
        new SyntheticLedger().writeTo(empty.resolve(RunFolders.LEDGER));
        assertThatThrownBy(() -> RegressionGate.judge(empty, settings(run("base", "m", 100))))
                .hasMessageContaining("scored no question");
    }

    @Test
    void settingsComeFromTheRecordedValues() {
        assertThat(GateSettings.of(Map.of())).isNull();
        GateSettings s = GateSettings.of(Map.of("bench.baseline", "runs/run-1", "bench.maxDrop", "2.5",
                "bench.baselineModel", "mock"));
        assertThat(s).isEqualTo(new GateSettings(Path.of("runs/run-1"), 0.05, 2.5, Map.of("*", "mock")));
        assertThat(GateSettings.of(Map.of("bench.baseline", "~/b")).baseline())
                .isEqualTo(Path.of(System.getProperty("user.home"), "b"));
        assertThat(GateSettings.models("a=b, c:1=d")).containsExactly(Map.entry("a", "b"), Map.entry("c:1", "d"));
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text + " ")) {
                return i;
            }
        }
        return -1;
    }
}
