package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.llmbench.testing.BenchLauncher;

/**
 * {@code mvn test -Dbench.baseline=RUN}: the engine (EngineTestKit, as Surefire runs it) shows the gate's lines at the
 * end of the run and writes the run pointer; Maven's gate step ({@link QualityGateMain}, exec:java) then fails the
 * build on a real drop, passes noise, and fails a build that asked for a baseline and recorded no run.
 */
class RegressionGateMavenTest {

    @TempDir
    static Path tmp;

    static Path baseline;

    @BeforeAll
    static void baseline() throws Exception {
        BenchLauncher.run(Map.of("bench.model", "mock:flaky:20", "bench.seed", "1", "bench.phases", "5q,20q",
                "bench.out", tmp.resolve("baseline").toString()));
        baseline = BenchLauncher.latestRun(tmp.resolve("baseline"));
    }

    /** Runs the engine as the bench profile does and returns what it printed. */
    private static String engine(String name, String model, String baselineSetting) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("bench.model", model);
        p.put("bench.seed", name.equals("noise") ? "6" : "1");
        p.put("bench.phases", "5q,20q");
        p.put("bench.out", tmp.resolve(name).toString());
        p.put("bench.preflight", "false");
        p.put("bench.runPointer", tmp.resolve(name + ".txt").toString());
        p.put("bench.baseline", baselineSetting);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EngineTestKit.engine("llm-bench").enableImplicitConfigurationParameters(false).configurationParameters(p)
                    .selectors(selectClass("org.llmbench.BundledSuitesBenchmark")).execute();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRealDropFailsTheBuildAndTheTestOutputNamesTheFlippedQuestionsWorstFirst() {
        String console = engine("drop", "mock:flaky:50", baseline.toString());
        assertThat(console).contains("[llm-bench] regression gate: baseline ")
                .contains("mock:flaky:50 vs baseline mock:flaky:20 (each run holds one model): 25 paired")
                .contains("[llm-bench]     pass->fail, worst first:")
                .containsPattern("\\[llm-bench\\]       (5q|20q)/Q\\d\\d +100\\.0 -> +0\\.0 \\(-100\\.0\\)");
        assertThatThrownBy(() -> QualityGateMain.main(new String[] {tmp.resolve("drop.txt").toString(), "", baseline.toString()}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("regression gate: FAILED against ")
                .hasMessageContaining("mock:flaky:50 a significant drop");
    }

    @Test
    void noisePassesTheBuild() {
        String console = engine("noise", "mock:flaky:20", baseline.toString());
        assertThat(console).contains("[llm-bench] regression gate: passed against ");
        assertThatCode(() -> QualityGateMain.main(new String[] {tmp.resolve("noise.txt").toString(), "", baseline.toString()}))
                .doesNotThrowAnyException();
    }

    @Test
    void aBaselineThatCannotBeReadRunsNothingAndFailsTheBuild() {
        engine("unreadable", "mock", tmp.resolve("typo").toString());
        assertThat(tmp.resolve("unreadable")).doesNotExist();
        assertThatThrownBy(() -> QualityGateMain.main(new String[] {tmp.resolve("unreadable.txt").toString(), "",
                tmp.resolve("typo").toString()}))
                .hasMessageStartingWith("regression gate: FAILED: this build ran no llm-bench run");
        assertThatCode(() -> QualityGateMain.main(new String[] {tmp.resolve("unreadable.txt").toString(), "", ""}))
                .as("no baseline asked, no minimum: no gate").doesNotThrowAnyException();
    }
}
