package org.llmbench.model;

/** A failed call attempt inside a client; clients turn it into a {@link CallResult} and never let it escape. */
public final class CallFailure extends Exception {

    private final ErrorKind kind;
    private final Integer httpStatus;
    private final long retryAfterMs;

    public CallFailure(ErrorKind kind, String message) {
        this(kind, message, null, -1);
    }

    public CallFailure(ErrorKind kind, String message, Integer httpStatus, long retryAfterMs) {
        super(message, null, false, false);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfterMs = retryAfterMs;
    }

    public ErrorKind kind() {
        return kind;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    /** The server's Retry-After in milliseconds, or -1 when it sent none. */
    public long retryAfterMs() {
        return retryAfterMs;
    }
}
