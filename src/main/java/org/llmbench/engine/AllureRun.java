package org.llmbench.engine;

import io.qameta.allure.Allure;
import io.qameta.allure.util.PropertiesUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.llmbench.record.Message;
import org.llmbench.record.RunEvent;

/**
 * One run as Allure shows it, made by the engine descriptor when the run opens and handed to every test through
 * the execution context: the first test that Allure records moves Allure's results to this run's directory
 * ({@link AllureResultsLocation}) and writes the run's environment.properties and categories.json there. As one of
 * the run's recorders it attaches what each call sent and got (prompt, raw output, thinking; a retry or sample
 * numbered) to the test Allure records on that thread. An engine run that Allure's
 * listener does not follow (EngineTestKit, Allure switched off) writes, moves and attaches nothing.
 */
final class AllureRun implements RunRecorder {

    /** Before the run is opened, and for runs that record nothing: tests get Allure's recorder, the run files are not written. */
    static final AllureRun NONE = new AllureRun(null, Map.of(), BenchConsole.STANDARD);

    private final Path outFolder;
    private final Map<String, String> environment;
    private final BenchConsole console;
    private final AtomicBoolean started = new AtomicBoolean();
    /** Calls so far of each test not yet scored: the second is "retry 1", and so on. */
    private final Map<String, Integer> rounds = new ConcurrentHashMap<>();

    /** @param environment the figures of the Allure report's overview; @param outFolder where the run writes (bench.out) */
    AllureRun(Path outFolder, Map<String, String> environment, BenchConsole console) {
        this.outFolder = outFolder;
        this.environment = Map.copyOf(new LinkedHashMap<>(environment));
        this.console = console;
    }

    /** The recorder of the test running on this thread (one that does nothing when Allure does not record it). */
    AllureRecorder forTest(String uniqueId) {
        AllureRecorder recorder = AllureRecorder.forTest(uniqueId);
        if (recorder.active() && outFolder != null && started.compareAndSet(false, true)) {
            start();
        }
        return recorder;
    }

    @Override
    public void record(RunEvent event) {
        if (event instanceof RunEvent.Call call) {
            int round = rounds.merge(call.testId(), 1, Integer::sum) - 1;
            exchange(forTest(call.testId()), call, round == 0 ? "" : " (retry " + round + ")");
        } else if (event instanceof RunEvent.Score score) {
            rounds.remove(score.testId());
        } else if (event instanceof RunEvent.TestEnd end) {
            rounds.remove(end.testId());
        }
    }

    /** The prompt and what came back, attached as sent and received. */
    private static void exchange(AllureRecorder allure, RunEvent.Call call, String suffix) {
        if (!allure.active()) {
            return;
        }
        StringBuilder prompt = new StringBuilder();
        for (Message m : call.messages()) {
            prompt.append(prompt.length() == 0 ? "" : "\n\n").append('[').append(m.role()).append("]\n").append(m.content());
        }
        allure.attach("prompt" + suffix, "text/plain", "txt", prompt.toString());
        allure.attach("raw output" + suffix, "text/plain", "txt", call.failed() ? "(no answer) " + call.error() : call.rawOutput());
        allure.attach("thinking" + suffix, "text/plain", "txt", call.thinking());
    }

    private void start() {
        AllureResultsLocation.startRun(outFolder);
        var properties = new StringBuilder();
        environment.forEach((k, v) -> properties.append(k).append(" = ")
                .append(v == null ? "" : v.replace("\\", "\\\\").replace("\n", " ")).append('\n'));
        try (InputStream in = AllureRun.class.getResourceAsStream("/allure/categories.json")) {
            var all = new LinkedHashMap<String, byte[]>();
            all.put("environment.properties", properties.toString().getBytes(StandardCharsets.UTF_8));
            if (in != null) {
                all.put("categories.json", in.readAllBytes());
            }
            all.forEach(AllureRun::writeRunFile);
        } catch (IOException | RuntimeException e) {
            console.problem("[llm-bench] could not write Allure's run files: " + e);
        }
    }

    /**
     * Through the lifecycle, so the file lands wherever it writes; its writer never overwrites, so a file
     * left by an earlier run is replaced in the configured results directory instead.
     */
    private static void writeRunFile(String name, byte[] content) {
        try {
            Allure.getLifecycle().writeAttachment(name, new ByteArrayInputStream(content));
        } catch (RuntimeException exists) {
            try {
                Path current = AllureResultsLocation.currentDirectory();
                Path dir = current != null ? current
                        : Path.of(PropertiesUtils.loadAllureProperties().getProperty("allure.results.directory", "allure-results"));
                Files.createDirectories(dir);
                Files.write(dir.resolve(name), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
