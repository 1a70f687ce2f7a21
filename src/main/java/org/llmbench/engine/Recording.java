package org.llmbench.engine;

import java.util.List;
import java.util.Map;
import org.llmbench.footprint.RunFootprint;
import org.llmbench.json.Json;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatRequest;
import org.llmbench.record.PhaseMeasures;
import org.llmbench.record.RunEvent;
import org.llmbench.record.Sampling;
import org.llmbench.record.Stamp;
import org.llmbench.record.TaskParse;
import org.llmbench.record.TestRef;
import org.llmbench.record.TestStatus;
import org.llmbench.scoring.Score;

/**
 * The run being recorded, as the nodes see it: what a node did becomes one of the run's typed events, stamped for
 * this run, and goes to the run's recorders. The engine descriptor makes it when the run opens and hands it down
 * in the execution context; {@link #NONE} before that, and for a selection that records no run.
 */
final class Recording {

    static final Recording NONE = new Recording(null, RunRecorder.NONE);

    private final String runId;
    private final RunRecorder recorder;
    private final RunFootprint footprint;

    Recording(String runId, RunRecorder recorder) {
        this(runId, recorder, null);
    }

    /** @param footprint the run's memory and energy sampler, or null when the run samples nothing */
    Recording(String runId, RunRecorder recorder, RunFootprint footprint) {
        this.runId = runId;
        this.recorder = recorder;
        this.footprint = footprint;
    }

    private Stamp stamp() {
        return Stamp.now(runId);
    }

    /** One model call; {@code sample} is the 0-based sample index when a question is asked several times, else null. */
    void call(TestRef ref, ChatRequest request, CallResult call, Integer sample) {
        recorder.record(LedgerEvents.call(stamp(), ref, request, call, sample));
    }

    /** A question asked by log-likelihood: its call and each letter's log-likelihood (null when the call failed). */
    void logprobCall(TestRef ref, ChatRequest request, CallResult call, org.llmbench.model.LetterLogprobs letters) {
        recorder.record(LedgerEvents.call(stamp(), ref, request, call, null, letters));
    }

    /**
     * A test's score with every check; {@code task} is how a generated task's answer parsed, {@code sampling} the
     * samples of a test asked several times, {@code sandboxLayers} what stood around its code (each null when none).
     */
    void score(TestRef ref, Score score, double weight, TaskParse task, Sampling sampling,
               List<String> sandboxLayers) {
        RunEvent.Score plain = LedgerEvents.breakdown(stamp(), ref, score, weight);
        recorder.record(new RunEvent.Score(plain.stamp(), ref, plain.score(), plain.passMark(), plain.passed(), weight,
                plain.weightedScore(), plain.checks(), task, sampling, sandboxLayers, LedgerEvents.methods(score.methods())));
    }

    void testEnd(String testId, TestStatus status, String message) {
        recorder.record(new RunEvent.TestEnd(stamp(), testId, status, message));
    }

    void testSkipped(String testId, String reason) {
        recorder.record(new RunEvent.TestSkipped(stamp(), testId, reason));
    }

    void containerFailed(String testId, String message) {
        recorder.record(new RunEvent.ContainerFailed(stamp(), testId, message == null ? "" : message));
    }

    /** What a phase measured as a whole, its run mode's own figures. */
    void phase(String phase, String model, String runMode, String testId, PhaseMeasures figures) {
        recorder.record(new RunEvent.PhaseFigures(stamp(), phase, model, runMode, testId, figures));
    }

    /** What the server said of the run's models. */
    void modelDetails(Map<String, ?> details) {
        recorder.record(new RunEvent.ModelDetails(stamp(), Json.MAPPER.valueToTree(details)));
    }

    /** A model's part of the run begins: the footprint sampler opens its window (its memory at load is read now). */
    void modelStarted(String model) {
        if (footprint != null) {
            footprint.modelStarted(model);
        }
    }

    /** A model's part of the run has ended: what it took of the machine, if the run samples it. */
    void modelEnded(String model) {
        RunEvent.Footprint event = footprint == null ? null : footprint.modelEnded(model, stamp());
        if (event != null) {
            recorder.record(event);
        }
    }

    /** Ends the run's recording: the sampler stops and the recorders are closed. */
    void close() {
        if (footprint != null) {
            footprint.close();
        }
        recorder.close();
    }
}
