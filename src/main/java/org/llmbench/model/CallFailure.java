package org.llmbench.model;

/** A failed call attempt inside a client; clients turn it into a {@link CallResult} and never let it escape. */
public final class CallFailure extends Exception {

    private final ErrorKind kind;
    private final Integer httpStatus;
    private final long retryAfterMs;
    private final boolean streamed;

    public CallFailure(ErrorKind kind, String message) {
        this(kind, message, null, -1);
    }

    public CallFailure(ErrorKind kind, String message, Integer httpStatus, long retryAfterMs) {
        this(kind, message, httpStatus, retryAfterMs, false);
    }

    private CallFailure(ErrorKind kind, String message, Integer httpStatus, long retryAfterMs, boolean streamed) {
        super(message, null, false, false);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfterMs = retryAfterMs;
        this.streamed = streamed;
    }

    /**
     * This failure as it happened inside an answer the server had begun: with the answer's HTTP status (a status
     * of its own, set where a status was the failure, stays) and whether the answer was a stream.
     */
    CallFailure inAnswer(int status, boolean stream) {
        return new CallFailure(kind, getMessage(), httpStatus != null ? httpStatus : Integer.valueOf(status), retryAfterMs,
                stream);
    }

    /** Whether the failure happened inside a streamed answer (SSE or NDJSON). */
    public boolean streamed() {
        return streamed;
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
