package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regression gate through the jar's commands, on mock models: {@code run --baseline} (exit 1 on a real drop, 0 on
 * noise, 3 when the question sets differ or the baseline cannot be read), {@code report --compare A B --gate}, and
 * {@code report merge --baseline} over the shards of the sharded workflow.
 */
class RegressionGateCommandsTest {

    @TempDir
    static Path tmp;

    /** The baseline: mock:flaky:20 (a fifth of the answers junk) with seed 1, over 5q and 20q. */
    static Path baseline;

    @BeforeAll
    static void baseline() throws Exception {
        Cli run = Cli.run("run", "--model", "mock:flaky:20", "--seed", "1", "--phases", "5q,20q", "--out",
                tmp.resolve("baseline").toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        baseline = CommandsTest.onlyRun(tmp.resolve("baseline"));
    }

    private static Cli run(String out, String model, String seed, String phases, String... more) {
        String[] args = {"run", "--model", model, "--seed", seed, "--phases", phases, "--out", tmp.resolve(out).toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return Cli.run(all);
    }

    @Test
    void noiseBetweenSeedsPassesAndARealDropExitsOne() throws Exception {
        // Another seed of the same model: five questions went one way and four the other (McNemar p = 1).
        Cli noise = run("noise", "mock:flaky:20", "6", "5q,20q", "--baseline", baseline.toString());
        assertThat(noise.exitCode()).as(noise.toString()).isZero();

        // Half the answers junk: the pass->fail flips are far beyond noise. The runs hold one model each: paired.
        Cli drop = run("drop", "mock:flaky:50", "1", "5q,20q", "--baseline", baseline.toString());
        assertThat(drop.exitCode()).as(drop.toString()).isEqualTo(ExitCodes.FINDINGS);
        // The baseline as the run recorded it: relative to the working directory (a run folder names no home folder).
        assertThat(drop.err()).contains("regression gate: FAILED against ").contains(baseline.getFileName().toString())
                .contains("mock:flaky:50 a significant drop (");
        // results.json and report.md carry the same verdict; the schema knows the field.
        Path dropped = CommandsTest.onlyRun(tmp.resolve("drop"));
        com.fasterxml.jackson.databind.JsonNode gate = org.llmbench.json.Json.MAPPER
                .readTree(dropped.resolve("results.json").toFile()).path("regression_gate");
        assertThat(gate.path("verdict").asText()).isEqualTo("failed");
        assertThat(gate.path("models").get(0).path("pass_to_fail").size()).isEqualTo(11);
        assertThat(gate.path("models").get(0).path("p_value").asDouble()).isEqualTo(org.llmbench.report.GateProbe.mcNemar(11, 0));
        assertThat(Files.readString(dropped.resolve("report.md"))).contains("## Regression gate").contains("pass → fail");
        assertThat(Cli.run("check-submission", dropped.toString()).out()).doesNotContain("regression_gate");

        // The same drop passes a gate that allows it: alpha 0 and a maximum above it.
        Cli allowed = run("allowed", "mock:flaky:50", "1", "5q,20q", "--baseline", baseline.resolve("results.json").toString(),
                "--baseline-alpha", "0", "--max-drop", "100");
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        // ... and fails one that allows less than it fell.
        Cli strict = run("strict", "mock:flaky:50", "1", "5q,20q", "--baseline", baseline.toString(),
                "--baseline-alpha", "0", "--max-drop", "5");
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(strict.err()).contains("more than the 5.00 allowed").doesNotContain("significant");
    }

    @Test
    void otherQuestionsOrAnUnreadableBaselineExitThreeWithTheReason() throws Exception {
        Cli fewer = run("fewer", "mock:flaky:20", "1", "5q", "--baseline", baseline.toString());
        assertThat(fewer.exitCode()).as(fewer.toString()).isEqualTo(ExitCodes.INPUT);
        assertThat(fewer.err()).contains("the run cannot be paired with its baseline")
                .contains("the question sets differ for mock:flaky:20")
                .contains("missing in this run (only in the baseline) 20: 20q/Q01, 20q/Q02");

        Cli nowhere = run("nowhere", "mock", "1", "5q", "--baseline", tmp.resolve("no-such-run").toString());
        assertThat(nowhere.exitCode()).as(nowhere.toString()).isEqualTo(ExitCodes.INPUT);
        assertThat(nowhere.err()).contains("bench.baseline").contains("no-such-run does not exist");
        assertThat(tmp.resolve("nowhere")).as("nothing runs against a baseline that cannot be read").doesNotExist();
    }

    @Test
    void aBaselineOfAnotherSuiteVersionIsRefusedNamingTheFieldAndTheVersions() throws Exception {
        Cli base = run("v1", "mock", "1", "5q");
        assertThat(base.exitCode()).as(base.toString()).isZero();
        Path v1 = CommandsTest.onlyRun(tmp.resolve("v1"));
        assertThat(Files.readString(v1.resolve("manifest.json"))).contains("\"suite_versions\" : {\n    \"5q\" : \"1\"");
        Path suites = Files.createDirectories(tmp.resolve("suites-v2"));
        Files.writeString(suites.resolve("5q.json"), Files.readString(Path.of("suites/5q.json"))
                .replace("\"version\": \"1\"", "\"version\": \"2\""));
        Cli v2 = run("v2", "mock", "1", "5q", "--suites", suites.toString(), "--baseline", v1.toString());
        assertThat(v2.exitCode()).as(v2.toString()).isEqualTo(ExitCodes.INPUT);
        assertThat(v2.err()).contains("the baseline is of another version of suite 5q")
                .contains("manifest.json field suite_versions.5q is \"1\", this run's is \"2\"");
    }

    @Test
    void compareShowsThePairedResultAndGateMakesItFail() throws Exception {
        Cli drop = run("cmp-drop", "mock:flaky:50", "1", "5q,20q");
        assertThat(drop.exitCode()).as(drop.toString()).isZero();
        Path b = CommandsTest.onlyRun(tmp.resolve("cmp-drop"));

        Cli shown = Cli.run("report", "--compare", baseline.toString(), b.toString());
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.out()).contains("mock:flaky:50 vs baseline mock:flaky:20 (each run holds one model): 25 paired")
                .contains("pass->fail, worst first:").contains("regression gate: FAILED");

        Cli gated = Cli.run("report", "--compare", baseline.toString(), b.toString(), "--gate");
        assertThat(gated.exitCode()).as(gated.toString()).isEqualTo(ExitCodes.FINDINGS);
        Cli reversed = Cli.run("report", "--compare", b.toString(), baseline.toString(), "--gate");
        assertThat(reversed.exitCode()).as("an improvement passes: " + reversed).isZero();

        Cli other = run("cmp-other", "mock", "1", "5q");
        Cli refused = Cli.run("report", "--compare", baseline.toString(),
                CommandsTest.onlyRun(tmp.resolve("cmp-other")).toString(), "--gate");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(refused.err()).contains("regression gate: REFUSED").contains("missing in this run (only in the baseline) 20");

        // A damaged ledger is bad input (exit 3) naming the file and line, not an internal error.
        Path damaged = tmp.resolve("damaged");
        CommandsTest.copy(b, damaged);
        Files.writeString(damaged.resolve("run.jsonl"), "{junk\n" + Files.readString(b.resolve("run.jsonl")));
        Cli unreadable = Cli.run("report", "--compare", baseline.toString(), damaged.toString());
        assertThat(unreadable.exitCode()).as(unreadable.toString()).isEqualTo(ExitCodes.INPUT);
        assertThat(unreadable.err()).contains("cannot compare").contains("run.jsonl:1");
    }

    @Test
    void theMergedShardsAreHeldToTheBaselineTheShardsRecorded() throws Exception {
        for (int i = 1; i <= 2; i++) {
            Cli shard = run("shard-" + i, "mock:flaky:50", "1", "5q,20q", "--shard", i + "/2", "--run-group", "g-1",
                    "--baseline", baseline.toString());
            assertThat(shard.exitCode()).as("a shard is not gated: " + shard).isZero();
        }
        Path one = CommandsTest.onlyRun(tmp.resolve("shard-1"));
        Path two = CommandsTest.onlyRun(tmp.resolve("shard-2"));
        Cli merged = Cli.run("report", "merge", tmp.resolve("merged").toString(), one.toString(), two.toString());
        assertThat(merged.exitCode()).as(merged.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(merged.out()).contains("merged 2 shards").contains("25 paired")
                .contains("pass->fail, worst first:").contains("regression gate: FAILED against ");

        // --baseline on the merge names another baseline: the drop run itself, so nothing changed.
        Path self = CommandsTest.onlyRun(tmp.resolve("merged"));
        Cli again = Cli.run("report", "merge", tmp.resolve("merged-again").toString(), one.toString(), two.toString(),
                "--baseline", self.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("regression gate: passed against");
        assertThat(Files.readString(self.resolve("report.html"))).contains("id=\"paired\"").contains("regression gate: FAILED");
    }
}
