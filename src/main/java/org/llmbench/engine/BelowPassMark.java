package org.llmbench.engine;

import org.llmbench.scoring.Score;
import org.opentest4j.AssertionFailedError;

/**
 * A test whose score is below its pass mark. The message is the rule it broke ({@link Score#failureRule()}), the
 * same for every test that broke it, so Allure groups failures by rule and its categories match on it; the score
 * and every failed check with its reason are the cause's message, which Surefire and Allure show in the trace.
 */
final class BelowPassMark extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    BelowPassMark(Score score) {
        super(score.failureRule(), new FailedChecks(score.failureSummary()));
    }

    /** The particulars of a failure; it has no stack of its own, the failure's is the one that matters. */
    static final class FailedChecks extends RuntimeException {

        private static final long serialVersionUID = 1L;

        FailedChecks(String summary) {
            super(summary, null, false, false);
        }
    }
}
