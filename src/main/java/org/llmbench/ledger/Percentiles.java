package org.llmbench.ledger;

import java.util.Arrays;

/**
 * Percentiles by linear interpolation between closest ranks (numpy's default, Excel's PERCENTILE.INC):
 * for sorted values x[0..n-1], p lies at rank h = (n-1)·p/100 and is x[⌊h⌋] + (h-⌊h⌋)·(x[⌊h⌋+1]-x[⌊h⌋]).
 */
public final class Percentiles {

    private final double[] sorted;

    private Percentiles(double[] sorted) {
        this.sorted = sorted;
    }

    /** Sorts a copy of the values; NaN values are dropped. */
    public static Percentiles of(double... values) {
        double[] copy = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    /** The values in ascending order (a copy). */
    public double[] sorted() {
        return sorted.clone();
    }

    public int count() {
        return sorted.length;
    }

    /** The p-th percentile (0-100), or NaN when there are no values. */
    public double at(double p) {
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("percentile " + p + " is outside 0..100");
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p / 100.0;
        int lower = (int) Math.floor(h);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
    }

    /**
     * Where {@code value} stands among {@code others}, 0-100: the share below it plus half the share equal
     * to it (the usual percentile rank), or NaN when there are no others.
     */
    public static double rank(double value, double... others) {
        if (others.length == 0) {
            return Double.NaN;
        }
        double below = 0;
        double equal = 0;
        for (double o : others) {
            below += o < value ? 1 : 0;
            equal += o == value ? 1 : 0;
        }
        return 100.0 * (below + 0.5 * equal) / others.length;
    }
}
