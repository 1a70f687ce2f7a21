package org.llmbench.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.Collection;

/**
 * The one percentile of llm-bench (console, report.md, metadata.json, report.html, phase figures): linear
 * interpolation between closest ranks (numpy's and pandas' default, Excel's PERCENTILE.INC, Hyndman-Fan type 7):
 * for sorted values x[0..n-1], p lies at rank h = (n-1)·p/100 and is x[⌊h⌋] + (h-⌊h⌋)·(x[⌊h⌋+1]-x[⌊h⌋]).
 * docs/INTERNALS.md says why this one and not nearest rank.
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

    /** Of whole numbers, such as latencies in milliseconds. */
    public static Percentiles of(Collection<? extends Number> values) {
        return of(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /** The values in ascending order (a copy). */
    public double[] sorted() {
        return sorted.clone();
    }

    /** How many values there are (NaN left out). */
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

    /** The p-th percentile to two decimals, as the run folder's files give it; null when there are no values. */
    public Double rounded(double p) {
        return sorted.length == 0 ? null : Math.round(at(p) * 100) / 100.0;
    }

    /** p50, p90, p95, p99 and the maximum, as a phase's figures record its latencies; an empty object without values. */
    public Latencies latencies() {
        return new Latencies(rounded(50), rounded(90), rounded(95), rounded(99), rounded(100));
    }

    /** The latency percentiles of a phase's figures (milliseconds); every one null, hence left out, without calls. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Latencies(Double p50, Double p90, Double p95, Double p99, Double max) {
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
