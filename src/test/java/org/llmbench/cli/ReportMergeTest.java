package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --shard i/n} on two "machines", then {@code report merge OUT RUN...} with its gate, through the CLI. */
class ReportMergeTest {

    @TempDir
    Path tmp;

    @Test
    void twoShardsRunMergeAndPassTheGateAndAMissingOneIsAnInputErrorThatNamesIt() throws Exception {
        for (int i = 1; i <= 2; i++) {
            Cli shard = Cli.run("run", "--model", "mock", "--phases", "hello,5q,20q", "--shard", i + "/2",
                    "--run-group", "nightly-7", "--out", tmp.resolve("machine-" + i).toString());
            assertThat(shard.exitCode()).as(shard.toString()).isZero();
        }
        Path one = CommandsTest.onlyRun(tmp.resolve("machine-1"));
        Path two = CommandsTest.onlyRun(tmp.resolve("machine-2"));

        Cli merged = Cli.run("report", "merge", tmp.resolve("merged").toString(), one.toString(), two.toString(),
                "--min-score", "90");
        assertThat(merged.exitCode()).as(merged.toString()).isZero();
        assertThat(merged.out()).contains("merged 2 shards of run group nightly-7").contains("26 scored, weighted total 100.00")
                .contains("weighted total: 100.00 / 100 over 26 scored of 26 tests");
        Path folder = CommandsTest.onlyRun(tmp.resolve("merged"));
        assertThat(Cli.run("report", folder.toString()).out()).contains("run " + folder.getFileName().toString().substring(4))
                .contains("100.00");

        Path board = tmp.resolve("board/leaderboard.json");
        Cli ranked = Cli.run("report", "merge", tmp.resolve("ranked").toString(), one.toString(), two.toString(),
                "--leaderboard", board.toString());
        assertThat(ranked.exitCode()).as(ranked.toString()).isZero();
        String entry = Files.readString(board);
        assertThat(entry).contains(folder.getFileName().toString().substring(4)).contains("\"tests\" : 26");
        assertThat(tmp.resolve("machine-1/leaderboard.json")).as("a shard is no run to rank").doesNotExist();

        Cli gate = Cli.run("report", "merge", tmp.resolve("gated").toString(), one.toString(), two.toString(),
                "--min-score", "100.5");
        assertThat(gate.exitCode()).isEqualTo(ExitCodes.FINDINGS);

        Cli missing = Cli.run("report", "merge", tmp.resolve("half").toString(), one.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(missing.err()).contains("shard 2/2 missing");
        assertThat(tmp.resolve("half")).doesNotExist();
    }
}
