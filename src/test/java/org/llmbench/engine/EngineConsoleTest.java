package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.llmbench.model.ModelClients;

/**
 * The engine's lines for the user go to the console it was made with, not to whatever {@code System.out} is: an
 * engine embedded in another program (or a test) hears its own run, and the lines are the ones the CLI shows.
 */
class EngineConsoleTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final BenchConsole console = new BenchConsole(() -> new PrintStream(out, true, StandardCharsets.UTF_8),
            () -> new PrintStream(err, true, StandardCharsets.UTF_8));

    private List<String> lines(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private EngineTestKit.Builder kit(String... keyValues) {
        EngineTestKit.Builder kit = EngineKits.engine(new LlmBenchTestEngine(ModelClients::create, console))
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("bench.model", "mock").configurationParameter("bench.phases", "hello");
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            kit.configurationParameter(keyValues[i], keyValues[i + 1]);
        }
        return kit.selectors(selectClass(EngineKits.ENTRY_CLASS));
    }

    @Test
    void theRunsLineGoesToTheEnginesConsoleAndNowhereElse() {
        PrintStream original = System.out;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stray, true, StandardCharsets.UTF_8));
        try {
            kit().execute().testEvents().assertStatistics(s -> s.succeeded(1));
        } finally {
            System.setOut(original);
        }
        assertThat(lines(out)).singleElement().asString().matches("\\[llm-bench] run [0-9a-f-]{36}: 1 scored, weighted total 100.00");
        assertThat(lines(err)).isEmpty();
        assertThat(stray.toString(StandardCharsets.UTF_8)).doesNotContain(lines(out).get(0));
    }

    @Test
    void aResumedRunSaysSoOnTheConsole() {
        String folder = EngineKits.freshOut();
        kit("bench.out", folder).execute();
        String runId = lines(out).get(0).split(" ")[2].replace(":", "");
        out.reset();
        kit("bench.out", folder, "bench.runId", runId).execute().testEvents().assertStatistics(s -> s.skipped(1));
        assertThat(lines(out)).containsExactly("[llm-bench] resuming run " + runId + ": skipped 1 already scored",
                "[llm-bench] run " + runId + ": 1 scored, weighted total 100.00");
    }

    @Test
    void aSelectionWithoutTestsRecordsNoRunAndSaysSo() {
        kit("bench.question", "hello/no-such-question").execute().testEvents().assertStatistics(s -> s.started(0));
        assertThat(lines(out)).containsExactly("[llm-bench] nothing selected: no run recorded");
    }

    @Test
    void aLaunchThatAsksForQuietShowsNothingAndStillRecordsTheRun() {
        kit(org.llmbench.config.Constants.QUIET_CONSOLE, "true").execute().testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(lines(out)).isEmpty();
        assertThat(lines(err)).isEmpty();
    }
}
