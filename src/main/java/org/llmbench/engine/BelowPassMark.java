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

    /**
     * No stack: a score below its pass mark is a verdict on the model, not a fault of the code, and the engine's
     * frames say nothing of it. Filling, pruning and printing them cost every failed question about 0.15 ms of the
     * main thread between two calls (docs/PERFORMANCE.md, sixth round); the trace keeps the rule and the checks.
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** The particulars of a failure, shown as its cause; a verdict has no stack, so neither has this. */
    static final class FailedChecks extends RuntimeException {

        private static final long serialVersionUID = 1L;

        FailedChecks(String summary) {
            super(summary, null, false, false);
        }
    }
}
