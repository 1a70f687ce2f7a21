package org.llmbench.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounded retries with exponential backoff for retryable error kinds; a server's Retry-After is honoured
 * up to {@link #MAX_WAIT_MS}. Every wait is recorded in the call result.
 */
final class Retrier {

    /** One attempt of a call. */
    interface Attempt {
        CallResult run(int attempt) throws CallFailure;
    }

    static final long MAX_WAIT_MS = 60_000;

    private final int retries;
    private final long baseBackoffMs;

    Retrier(int retries, long baseBackoffMs) {
        this.retries = retries;
        this.baseBackoffMs = baseBackoffMs;
    }

    CallResult call(int charsIn, Attempt attempt) {
        List<Long> waits = new ArrayList<>();
        long start = System.nanoTime();
        for (int n = 1; ; n++) {
            long attemptStart = System.nanoTime();
            try {
                CallResult result = attempt.run(n);
                return result.afterAttempts(n, waits);
            } catch (CallFailure failure) {
                if (!failure.kind().retryable() || n > retries) {
                    long latency = (System.nanoTime() - attemptStart) / 1_000_000;
                    return CallResult.failure(failure, latency, n, waits, charsIn);
                }
                long wait = failure.retryAfterMs() >= 0 ? Math.min(failure.retryAfterMs(), MAX_WAIT_MS)
                        : Math.min(baseBackoffMs << (n - 1), MAX_WAIT_MS);
                waits.add(wait);
                if (!sleep(wait)) {
                    return CallResult.failure(failure, (System.nanoTime() - start) / 1_000_000, n, waits, charsIn);
                }
            }
        }
    }

    private static boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
