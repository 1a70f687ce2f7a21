package org.llmbench.engine;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The engine's only contact with Allure: labels, parameters, steps and attachments of the test running on
 * this thread. Allure keeps the current test in a thread-local, which is why questions run on the executing
 * thread. When Allure is not on the classpath or no Allure listener started a test (EngineTestKit), every
 * method does nothing. The run as a whole (its results directory, its overview files) is {@link AllureRun}'s.
 */
final class AllureRecorder {

    private static final boolean PRESENT = probe();
    private static final AllureRecorder NONE = new AllureRecorder(null);
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
