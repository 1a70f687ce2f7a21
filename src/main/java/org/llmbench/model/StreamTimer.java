package org.llmbench.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Clock of one attempt: started just before the request is sent, it notes when each piece of output arrives
 * and when the last byte was read. Only a timestamp and a reference are kept while the stream runs; tokens
 * are counted after it ends, so measuring adds nothing to the time between chunks.
 */
final class StreamTimer {

    private final java.util.function.LongSupplier clock;
    private final long start;
    private final List<String> pieces = new ArrayList<>();
    private long[] times = new long[64];
    private long end = -1;

    long startNanos() {
        return start;
    }

    StreamTimer() {
        this(System::nanoTime);
    }

    /** A timer on another clock (tests). */
    StreamTimer(java.util.function.LongSupplier clock) {
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** Notes a piece of generated output (answer or thinking) arriving now; empty pieces are no tokens. */
    void piece(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        long now = clock.getAsLong();
        if (pieces.size() == times.length) {
            times = Arrays.copyOf(times, times.length * 2);
        }
        times[pieces.size()] = now;
        pieces.add(text);
    }

    /** Notes that the last byte of the answer was read. */
    void finish() {
        end = clock.getAsLong();
    }

    long latencyMs() {
        return ((end < 0 ? clock.getAsLong() : end) - start) / 1_000_000;
    }

    /** Send to the first piece of output; null when nothing was generated. */
    Long ttftMs() {
        return pieces.isEmpty() ? null : (times[0] - start) / 1_000_000;
    }

    /** Per-token gaps: the gap before each piece after the first, spread evenly over the piece's tokens. */
    TokenGaps gaps() {
        if (pieces.size() < 2) {
            return null;
        }
        List<Double> perToken = new ArrayList<>();
        for (int i = 1; i < pieces.size(); i++) {
            double gapMs = (times[i] - times[i - 1]) / 1e6;
            int tokens = Math.max(1, TokenCounter.count(pieces.get(i)));
            for (int t = 0; t < tokens; t++) {
                perToken.add(gapMs / tokens);
            }
        }
        perToken.sort(null);
        return new TokenGaps(perToken.size(), percentile(perToken, 0.5), percentile(perToken, 0.9),
                perToken.get(perToken.size() - 1));
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
