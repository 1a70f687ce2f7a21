package org.llmbench.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The observer-effect benchmark's short mode, in {@code mvn verify}: the stand-in server runs, a plain loop and
 * llm-bench (from the test classpath) each send it their requests, and the self-check sees the server slow down
 * next to a CPU burner. The full mode is {@code mvn -Pperf -DskipTests package exec:exec@harness-benchmark
 * -Dperf.only=observer} (docs/PERFORMANCE.md).
 */
class ObserverBenchmarkTest {

    @Test
    void theShortModeRunsAndTheServerSlowsDownNextToACpuBurner(@TempDir Path work) throws Exception {
        assumeTrue(onPath("python3") && Files.isExecutable(Path.of("/usr/bin/time")), "needs python3 and /usr/bin/time");
        ObserverBenchmark.Result result = PrintStreamMute.call(() -> new ObserverBenchmark(ObserverBenchmark.Settings.quick(), work).run());

        assertThat(result.aloneTokensPerSecond()).isPositive();
        assertThat(result.burnerSeen()).as("server tokens/s alone %.0f, next to a burner %.0f",
                result.aloneTokensPerSecond(), result.burnedTokensPerSecond()).isTrue();
        ObserverBenchmark.Observed plain = result.medians().get("plain@1/C1 only");
        ObserverBenchmark.Observed bench = result.medians().get("llm-bench@1/C1 only");
        assertThat(plain.requests()).isEqualTo(bench.requests()).isEqualTo(ObserverBenchmark.Settings.quick().requests());
        assertThat(bench.tokensPerSecond()).isPositive();
        assertThat(bench.cpuS()).isPositive();
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }
}
