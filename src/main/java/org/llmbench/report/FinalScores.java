package org.llmbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.llmbench.record.RecordReader;
import org.llmbench.record.RunEvent;
import org.llmbench.record.TestRef;

/**
 * Each test's final outcome, read from a ledger in two passes: the first counts each test's scores (a resumed run may
 * score a test twice), the second takes the last score with the call before it. Tests whose last call has no score
 * (not replayable, or killed mid-test) follow at the end with a null score. Read once at the end of a run and handed
 * to every file written from it (the summary, results.json, metadata.json, report.md, report.html): reading the
 * ledger again for each was most of the CPU those files took (docs/PERFORMANCE.md, sixth round). report.html holds
 * every answer anyway, so holding the outcomes once costs no memory the run did not already need.
 */
final class FinalScores {

    /**
     * One test's final outcome.
     *
     * @param score its last score; null when it has none
     * @param call the call that led to it; null when the ledger holds none (never null without a score)
     */
    record Outcome(RunEvent.Score score, RunEvent.Call call) {

        /** The test, from the score or else the call. */
        TestRef ref() {
            return score != null ? score.ref() : call.ref();
        }

        /** The call, when it answered: a failed call's time is no speed. */
        RunEvent.Call answered() {
            return call == null || call.failed() ? null : call;
        }
    }

    private final List<Outcome> outcomes;
    private final RecordReader.Reading reading;

    private FinalScores(List<Outcome> outcomes, RecordReader.Reading reading) {
        this.outcomes = List.copyOf(outcomes);
        this.reading = reading;
    }

    /** The final outcomes of this ledger. */
    static FinalScores of(Path ledger) throws IOException {
        return of(ledger, e -> { });
    }

    /**
     * The final outcomes of this ledger, its first pass also handing every event to {@code firstPass} (a reader that
     * needs each event once, such as the summary's statuses and footprints, then costs no pass of its own).
     */
    static FinalScores of(Path ledger, Consumer<RunEvent> firstPass) throws IOException {
        Map<String, Integer> scoreCount = new HashMap<>();
        RecordReader.Reading reading = RecordReader.forEach(ledger, e -> {
            firstPass.accept(e);
            if (e instanceof RunEvent.Score score) {
                scoreCount.merge(score.testId(), 1, Integer::sum);
            }
        });
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, RunEvent.Call> pendingCalls = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        RecordReader.forEach(ledger, e -> {
            if (e instanceof RunEvent.Call call) {
                pendingCalls.put(call.testId(), call);
            } else if (e instanceof RunEvent.Score score) {
                RunEvent.Call call = pendingCalls.remove(score.testId());
                if (seen.merge(score.testId(), 1, Integer::sum).equals(scoreCount.get(score.testId()))) {
                    outcomes.add(new Outcome(score, call));
                }
            }
        });
        pendingCalls.forEach((id, call) -> {
            if (!scoreCount.containsKey(id)) {
                outcomes.add(new Outcome(null, call));
            }
        });
        return new FinalScores(outcomes, reading);
    }

    /** Reads the ledger and hands over each final outcome, for a reader that needs them once. */
    static void forEach(Path ledger, Consumer<Outcome> visitor) throws IOException {
        of(ledger).forEach(visitor);
    }

    /** What the first pass found: lines that are no event are left out of every outcome and named here. */
    RecordReader.Reading reading() {
        return reading;
    }

    /** Each test's final outcome, in the order the tests were scored. */
    void forEach(Consumer<Outcome> visitor) {
        outcomes.forEach(visitor);
    }
}
