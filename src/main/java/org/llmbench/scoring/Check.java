package org.llmbench.scoring;

/**
 * One named, weighted check of an answer and its outcome.
 *
 * @param reason why it passed or failed, in words a reader of the report understands
 */
public record Check(String name, double weight, Status status, String reason) {

    /** Outcome of a check; an unavailable checker (e.g. no python3) counts neither for nor against. */
    public enum Status { PASSED, FAILED, UNAVAILABLE }

    public static Check passed(String name, double weight, String reason) {
        return new Check(name, weight, Status.PASSED, reason);
    }

    public static Check failed(String name, double weight, String reason) {
        return new Check(name, weight, Status.FAILED, reason);
    }

    public static Check unavailable(String name, String reason) {
        return new Check(name, 0, Status.UNAVAILABLE, reason);
    }

    /**
     * Runs an AssertJ assertion as a check: it passes when the assertion holds, and otherwise fails with
     * the assertion's message (keep messages short with {@code withFailMessage}; model output can be huge).
     */
    public static Check verify(String name, double weight, String passReason, Runnable assertion) {
        try {
            assertion.run();
            return passed(name, weight, passReason);
        } catch (AssertionError e) {
            return failed(name, weight, e.getMessage());
        }
    }

    public boolean passed() {
        return status == Status.PASSED;
    }
}
