package org.llmbench.engine;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.util.PropertiesUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The engine's only contact with Allure: labels, parameters, steps and attachments of the test running on
 * this thread. Allure keeps the current test in a thread-local, which is why questions run on the executing
 * thread. When Allure is not on the classpath or no Allure listener started a test (EngineTestKit), every
 * method does nothing.
 */
final class AllureRecorder {

    private static final boolean PRESENT = probe();
    private static final AllureRecorder NONE = new AllureRecorder(null);
    private static final java.util.concurrent.atomic.AtomicReference<Map<String, String>> PENDING_RUN_FILES =
            new java.util.concurrent.atomic.AtomicReference<>();
    private static final java.util.concurrent.atomic.AtomicReference<Path> PENDING_RUN_FOLDER =
            new java.util.concurrent.atomic.AtomicReference<>();
    private static final Set<String> OWN_LABELS = Set.of("parentSuite", "suite", "subSuite", "epic", "feature", "story");

    /** The Allure test case uuid, or null when inactive. */
    private final String testUuid;

    private AllureRecorder(String testUuid) {
        this.testUuid = testUuid;
    }

    /**
     * The recorder of the test that Allure's listener started on this thread for the given unique id, or one
     * that does nothing. The id check matters: Allure's thread context is inherited, so an engine run inside
     * another test (EngineTestKit in a Jupiter test) would otherwise write into that outer test.
     */
    static AllureRecorder forTest(String uniqueId) {
        if (!PRESENT) {
            return NONE;
        }
        AllureLifecycle lifecycle = Allure.getLifecycle();
        String uuid = lifecycle.getCurrentTestCase().orElse(null);
        if (uuid == null) {
            return NONE;
        }
        boolean[] ours = {false};
        lifecycle.updateTestCase(uuid, t -> ours[0] = uniqueId.equals(t.getTestCaseId()));
        if (!ours[0]) {
            return NONE;
        }
        writeRunFiles();
        return new AllureRecorder(uuid);
    }

    boolean active() {
        return testUuid != null;
    }

    /** Replaces the grouping labels (Suites and Behaviors tabs), adds parameters and a description. */
    void describe(Map<String, String> labels, Map<String, String> parameters, String description) {
        if (!active()) {
            return;
        }
        Allure.getLifecycle().updateTestCase(testUuid, t -> {
            t.getLabels().removeIf(l -> OWN_LABELS.contains(l.getName()) && labels.containsKey(l.getName()));
            labels.forEach((name, value) -> t.getLabels().add(new Label().setName(name).setValue(value)));
            parameters.forEach((name, value) -> t.getParameters().add(new Parameter().setName(name).setValue(value)));
            t.setDescription(description);
        });
    }

    /**
     * Runs {@code work} as a step; {@code outcome} names the result's figures (shown as step parameters)
     * and whether the step failed, in which case its message is shown on the step.
     */
    <T> T step(String name, Supplier<T> work, java.util.function.Function<T, StepOutcome> outcome) {
        if (!active()) {
            return work.get();
        }
        AllureLifecycle lifecycle = Allure.getLifecycle();
        String uuid = UUID.randomUUID().toString();
        lifecycle.startStep(testUuid, uuid, new StepResult().setName(name));
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            lifecycle.updateStep(uuid, s -> s.setStatus(Status.BROKEN)
                    .setStatusDetails(new StatusDetails().setMessage(String.valueOf(e))));
            lifecycle.stopStep(uuid);
            throw e;
        }
        StepOutcome o = outcome.apply(result);
        lifecycle.updateStep(uuid, s -> {
            o.figures().forEach((k, v) -> s.getParameters().add(new Parameter().setName(k).setValue(v)));
            s.setStatus(o.failure() == null ? Status.PASSED : Status.FAILED);
            if (o.failure() != null) {
                s.setStatusDetails(new StatusDetails().setMessage(o.failure()));
            }
        });
        lifecycle.stopStep(uuid);
        return result;
    }

    /** What a step produced: figures to show and, if it failed, why. */
    record StepOutcome(Map<String, String> figures, String failure) {
    }

    /** Attaches text to the test; {@code type} is a MIME type, {@code extension} without the dot. */
    void attach(String name, String type, String extension, String content) {
        if (active() && content != null) {
            Allure.getLifecycle().addAttachment(name, type, extension, content.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Prepares this run's environment.properties and categories.json; the first test that Allure records
     * moves Allure's results to this run's directory ({@link AllureResultsLocation}) and writes them there (so
     * an engine run without Allure's listener, as under EngineTestKit, writes and moves nothing).
     */
    static void newRun(Map<String, String> environment, Path outFolder) {
        PENDING_RUN_FOLDER.set(outFolder);
        var sb = new StringBuilder();
        environment.forEach((k, v) -> sb.append(k).append(" = ").append(v == null ? "" : v.replace("\\", "\\\\").replace("\n", " ")).append('\n'));
        PENDING_RUN_FILES.set(Map.of("environment.properties", sb.toString()));
    }

    private static void writeRunFiles() {
        Map<String, String> files = PENDING_RUN_FILES.getAndSet(null);
        if (files == null) {
            return;
        }
        Path folder = PENDING_RUN_FOLDER.getAndSet(null);
        if (folder != null) {
            AllureResultsLocation.startRun(folder);
        }
        try (InputStream in = AllureRecorder.class.getResourceAsStream("/allure/categories.json")) {
            var all = new LinkedHashMap<String, byte[]>();
            files.forEach((name, content) -> all.put(name, content.getBytes(StandardCharsets.UTF_8)));
            if (in != null) {
                all.put("categories.json", in.readAllBytes());
            }
            all.forEach(AllureRecorder::writeRunFile);
        } catch (IOException | RuntimeException e) {
            System.err.println("[llm-bench] could not write Allure's run files: " + e);
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

    /** Whether Allure is on the class path. */
    static boolean present() {
        return PRESENT;
    }

    private static boolean probe() {
        try {
            Class.forName("io.qameta.allure.Allure", false, AllureRecorder.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

}
