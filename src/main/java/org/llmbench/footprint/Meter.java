package org.llmbench.footprint;

/**
 * One source of a model's footprint over its window: made when the window opens (its first reading is the model "at
 * load"), read at every tick of the run's sampler, and asked for its figures (or why it has none) when the window
 * closes. Called by one thread at a time.
 */
interface Meter {

    /** Reads the source once more. */
    void sample();

    /** The figures of the window (a last reading first), or why there are none. */
    void finish(Readings out);
}
