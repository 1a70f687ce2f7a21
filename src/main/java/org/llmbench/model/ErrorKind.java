package org.llmbench.model;

/** What went wrong with a model call; the wire name is what the ledger and reports show. */
public enum ErrorKind {
    /** Connection refused, reset or closed before a complete answer. */
    CONNECTION(true),
    /** No complete answer within the connect or call timeout. */
    TIMEOUT(true),
    /** HTTP 429; the Retry-After header is honoured within limits. */
    RATE_LIMITED(true),
    /** HTTP 5xx. */
    HTTP_5XX(true),
    /** HTTP 4xx other than 429 (bad request, unknown model, bad key). */
    HTTP_4XX(false),
    /** A body that is not the protocol: invalid JSON, invalid UTF-8, no choices, null content, stream without end. */
    PROTOCOL(false),
    /**
     * The server reported an error inside an answer it had begun with a 2xx status (llama.cpp's {@code error:} SSE
     * line, an {@code error} object in an event, NDJSON line or body): its own message, not retried.
     */
    SERVER_ERROR(false),
    /** A body larger than the configured cap. */
    TOO_LARGE(false),
    /** The harness could not answer from its own data (e.g. replay of a question not in the ledger). */
    NOT_REPLAYABLE(false);

    private final boolean retryable;

    ErrorKind(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
