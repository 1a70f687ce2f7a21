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

    /** The clock's reading now: when an event that is parsed later arrived. */
    long now() {
        return clock.getAsLong();
    }

    /**
     * Pieces noted from now on arrived at {@code nanos}, a reading of {@link #now()} taken when their event was read
     * (a stream parsed after it ended); {@code -1} goes back to the clock.
     */
    void arrivedAt(long nanos) {
        arrival = nanos;
    }

    private long arrival = -1;

    /** Notes a piece of generated output (answer or thinking) arriving now; empty pieces are no tokens. */
    void piece(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        long now = arrival >= 0 ? arrival : clock.getAsLong();
        if (pieces.size() == times.length) {
            times = Arrays.copyOf(times, times.length * 2);
        }
        times[pieces.size()] = now;
        pieces.add(text);
    }

    /** Notes that the last byte of the answer was read; the first call counts (the end marker, before parsing). */
    void finish() {
        if (end < 0) {
            end = clock.getAsLong();
        }
    }

    /** Send to the last byte, to the nearest millisecond (truncating would understate every call by half a ms). */
    long latencyMs() {
        return Math.round(((end < 0 ? clock.getAsLong() : end) - start) / 1e6);
    }

    /** Send to the first piece of output; null when nothing was generated. */
    Long ttftMs() {
        return pieces.isEmpty() ? null : Math.round((times[0] - start) / 1e6);
    }

    /**
     * Per-token gaps: the gap before each piece after the first, spread evenly over the piece's tokens. With the
     * server's own count of generated tokens (llama.cpp, Ollama and most OpenAI-compatible servers send one), a
     * piece's tokens are its share of that count by length, at least one: no tokenizer runs, and the count is the
     * model's own. Without one, each piece is counted with the estimating tokenizer, after the stream has ended.
     */
    TokenGaps gaps(Integer serverTokens) {
        int n = pieces.size();
        if (n < 2) {
            return null;
        }
        long chars = 0;
        for (String piece : pieces) {
            chars += piece.length();
        }
        double[][] gapAndTokens = new double[n - 1][];
        double total = 0;
        for (int i = 1; i < n; i++) {
            double tokens = serverTokens != null && serverTokens > 0
                    ? Math.max(1, (double) serverTokens * pieces.get(i).length() / chars)
                    : Math.max(1, TokenCounter.count(pieces.get(i)));
            gapAndTokens[i - 1] = new double[] {(times[i] - times[i - 1]) / 1e6 / tokens, tokens};
            total += tokens;
        }
        Arrays.sort(gapAndTokens, (a, b) -> Double.compare(a[0], b[0]));
        return new TokenGaps((int) Math.round(total), percentile(gapAndTokens, total, 0.5), percentile(gapAndTokens, total, 0.9),
                gapAndTokens[gapAndTokens.length - 1][0]);
    }

    /** Per-token gaps counted with the estimating tokenizer (no server count). */
    TokenGaps gaps() {
        return gaps(null);
    }

    /** Nearest-rank percentile of per-token gaps sorted by gap, each standing for its number of tokens. */
    private static double percentile(double[][] sorted, double total, double p) {
        double rank = Math.ceil(p * total - 1e-9);
        double seen = 0;
        for (double[] g : sorted) {
            seen += g[1];
            if (seen >= rank - 1e-9) {
                return g[0];
            }
        }
        return sorted[sorted.length - 1][0];
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
