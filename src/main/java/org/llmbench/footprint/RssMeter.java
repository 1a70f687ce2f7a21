package org.llmbench.footprint;

import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Resident memory over a model's window: the first reading is the model at load, the highest the peak. For a server
 * process that is its whole resident memory; for the in-process provider it is this JVM's growth over the resident
 * memory it had before the model was loaded ({@code baseline}): the harness's own growth is in it, so it is an upper
 * bound of the model's.
 */
final class RssMeter implements Meter {

    private final String source;
    private final String what;
    private final Supplier<OptionalLong> rss;
    private final long baseline;
    private Long atLoad;
    private long peak = Long.MIN_VALUE;
    private boolean ended;

    RssMeter(String source, String what, Supplier<OptionalLong> rss, long baseline) {
        this.source = source;
        this.what = what;
        this.rss = rss;
        this.baseline = baseline;
        sample();
    }

    @Override
    public void sample() {
        if (ended) {
            return;
        }
        OptionalLong now = rss.get();
        if (now.isEmpty()) {
            ended = atLoad != null; // the process ended: what it used until then stands
            return;
        }
        long value = Math.max(0, now.getAsLong() - baseline);
        if (atLoad == null) {
            atLoad = value;
        }
        peak = Math.max(peak, value);
    }

    @Override
    public void finish(Readings out) {
        sample();
        if (atLoad == null) {
            out.noMemory(source, what + ": its resident memory could not be read");
        } else {
            out.memory(source, what + (ended ? " (the process ended during the window)" : ""), atLoad, peak);
        }
    }
}
