package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.testing.ChildJvm;
import org.llmbench.testing.GeneratedSuite;

/** 10,000 generated questions with the mock run to the end in a child JVM capped at 256 MiB of heap. */
class ScaleTest {

    @Test
    void tenThousandQuestionsRunWithin256MiBOfHeap(@TempDir Path dir) throws Exception {
        Path suites = dir.resolve("suites");
        GeneratedSuite.write(suites, "scale", 10_000);
        Path log = dir.resolve("child.log");
        Process child = ChildJvm.start(log, List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                // the ledger at scale is measured here, not 60,000 Allure files written into the project's target
                "-Djunit.platform.execution.listeners.deactivate=io.qameta.allure.*"), suites,
                "bench.model=mock", "bench.phases=all", "bench.out=" + dir.resolve("out"));
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
        String output = Files.readString(log);
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("tests started 10000, succeeded 10000");
    }
}
