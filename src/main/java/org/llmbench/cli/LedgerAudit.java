package org.llmbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.llmbench.record.LineProblem;
import org.llmbench.record.RecordReader;
import org.llmbench.record.RunEvent;
import org.llmbench.record.RunFolders;
import org.llmbench.record.TestRef;

/**
 * One ledger read line by line as a check reads it, never as a total: each test's last score with its line, each
 * test's end, and the findings a reading alone can make: a line that is no event (a torn or junk line is an error
 * here, never skipped), a score that repeats an earlier score of its test with no call in between (a duplicated
 * line), and a test of a model the manifest does not name. Comparing the scores with a re-scoring is
 * {@link RescoredRun}'s job.
 */
final class LedgerAudit {

    /** A test's last score and the line it is on. */
    record Scored(long line, RunEvent.Score score) {
    }

    private final Map<String, Scored> finalScores = new LinkedHashMap<>();
    private final Map<String, String> endings = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();

    private LedgerAudit() {
    }

    /**
     * Reads the ledger.
     *
     * @param models the models the run's manifest names; a score of any other is a finding (null: not checked)
     */
    static LedgerAudit read(Path ledger, Set<String> models) throws IOException {
        LedgerAudit audit = new LedgerAudit();
        Map<String, Integer> callsSinceScore = new HashMap<>();
        RecordReader.Reading reading = RecordReader.forEachNumbered(ledger, (event, line) -> {
            if (event instanceof RunEvent.RunStart) {
                // A resumed process may score again what its whole-suite call answers: only a repeat within one counts.
                callsSinceScore.replaceAll((id, calls) -> calls + 1);
            } else if (event instanceof RunEvent.Call call) {
                callsSinceScore.merge(call.testId(), 1, Integer::sum);
            } else if (event instanceof RunEvent.Score score) {
                audit.score(score, line, callsSinceScore.put(score.testId(), 0), models);
            } else if (event instanceof RunEvent.TestEnd end) {
                audit.endings.put(end.testId(), end.status() + (end.message() == null ? "" : ": " + end.message()));
            } else if (event instanceof RunEvent.TestSkipped skipped) {
                audit.endings.put(skipped.testId(), "skipped: " + skipped.reason());
            }
        });
        for (LineProblem p : reading.problems()) {
            audit.findings.add(new Finding(RunFolders.LEDGER, (int) p.line(), "ledger",
                    (p.field() == null ? "" : p.field() + ": ") + p.message() + "; a line that is no event is never skipped here"));
        }
        if (reading.problemCount() > reading.problems().size()) {
            audit.findings.add(new Finding(RunFolders.LEDGER, 0, "ledger", (reading.problemCount() - reading.problems().size())
                    + " more line(s) that are no event"));
        }
        return audit;
    }

    private void score(RunEvent.Score score, long line, Integer callsBefore, Set<String> models) {
        String key = key(score.ref());
        Scored earlier = finalScores.put(key, new Scored(line, score));
        // A resumed or retried test is called again before it is scored again; a copied line is not.
        if (earlier != null && (callsBefore == null || callsBefore == 0)) {
            findings.add(new Finding(RunFolders.LEDGER, (int) line, "duplicate", name(score.ref())
                    + " is scored again with no call in between (its score on line " + earlier.line() + "): a copied line"));
        }
        if (models != null && !models.contains(score.ref().model())) {
            findings.add(new Finding(RunFolders.LEDGER, (int) line, "model", "model '" + score.ref().model()
                    + "' is not a model of this run (manifest.json models: " + String.join(", ", models) + ")"));
        }
    }

    /** A test as a score names it: every field of its reference, so an edited name is another test. */
    static String key(TestRef ref) {
        return ref.testId() + '\u0000' + ref.model() + '\u0000' + ref.suite() + '\u0000' + ref.item();
    }

    /** model/suite/item, as reports name a test. */
    static String name(TestRef ref) {
        return ref.model() + "/" + ref.suite() + "/" + ref.item();
    }

    /** Each test's last score, by {@link #key}, in the order first scored. */
    Map<String, Scored> finalScores() {
        return finalScores;
    }

    /** How each test ended (status and message, or why it was skipped), by test id. */
    Map<String, String> endings() {
        return endings;
    }

    List<Finding> findings() {
        return findings;
    }
}
