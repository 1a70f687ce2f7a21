package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every phase is listed and runs when selected alone, edge_append (whose turns come as it runs) too. */
class PhaseListTest {

    @TempDir
    Path tmp;

    @Test
    void listShowsEdgeAppendsTurnsAndCountsThem() {
        Cli list = Cli.run("list", "--model", "mock", "--phases", "hello,edge_append");
        assertThat(list.exitCode()).as(list.toString()).isEqualTo(ExitCodes.OK);
        assertThat(list.out()).contains("mock/hello/").contains("mock/edge_append/A01").contains("mock/edge_append/A12")
                .contains("added when it runs").contains("13 tests");
    }

    @Test
    void edgeAppendAloneRunsFromTheCommandLine() {
        Cli run = Cli.run("run", "--model", "mock", "--phases", "edge_append", "--out", tmp.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).doesNotContain("nothing to run");
    }
}
