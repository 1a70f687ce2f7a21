package org.llmbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.llmbench.record.RecordReader;
import org.llmbench.record.RunEvent;
import org.llmbench.record.TestRef;

/**
 * Streams each test's final outcome from a ledger in two passes: the first counts each test's scores (a
 * resumed run may score a test twice), the second hands over the last score with the call before it. Tests
 * whose last call has no score (not replayable, or killed mid-test) follow at the end with a null score.
 * Only the score counts and the calls awaiting their score are held, never the whole run.
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

    private final Path ledger;
    private final Map<String, Integer> scoreCount;

    private FinalScores(Path ledger, Map<String, Integer> scoreCount) {
        this.ledger = ledger;
        this.scoreCount = scoreCount;
    }

    /**
     * The first pass: how often each test was scored. Held once for the files written at the end of a run, so each of
     * them reads the ledger once more rather than twice.
     */
    static FinalScores of(Path ledger) throws IOException {
        Map<String, Integer> scoreCount = new HashMap<>();
        RecordReader.forEach(ledger, e -> {
            if (e instanceof RunEvent.Score score) {
                scoreCount.merge(score.testId(), 1, Integer::sum);
            }
        });
        return new FinalScores(ledger, scoreCount);
    }

    /** Both passes, for a reader that goes over the ledger once. */
    static void forEach(Path ledger, Consumer<Outcome> visitor) throws IOException {
        of(ledger).forEach(visitor);
    }

    /** The second pass: each test's final outcome, in the order the tests were scored. */
    void forEach(Consumer<Outcome> visitor) throws IOException {
        Map<String, RunEvent.Call> pendingCalls = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        RecordReader.forEach(ledger, e -> {
            if (e instanceof RunEvent.Call call) {
                pendingCalls.put(call.testId(), call);
            } else if (e instanceof RunEvent.Score score) {
                RunEvent.Call call = pendingCalls.remove(score.testId());
                if (seen.merge(score.testId(), 1, Integer::sum).equals(scoreCount.get(score.testId()))) {
                    visitor.accept(new Outcome(score, call));
                }
            }
        });
        pendingCalls.forEach((id, call) -> {
            if (!scoreCount.containsKey(id)) {
                visitor.accept(new Outcome(null, call));
            }
        });
    }
}
