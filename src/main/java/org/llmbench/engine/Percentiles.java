package org.llmbench.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Nearest-rank percentiles of a list of latencies: p50, p90, p95, p99 and max, as recorded in phase figures. */
final class Percentiles {

    private Percentiles() {
    }

    static Map<String, Long> of(List<Long> values) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (values.isEmpty()) {
            return out;
        }
        List<Long> sorted = values.stream().sorted().toList();
        for (int p : new int[] {50, 90, 95, 99}) {
            out.put("p" + p, nearestRank(sorted, p));
        }
        out.put("max", sorted.get(sorted.size() - 1));
        return out;
    }

    /** The smallest value with at least p percent of the values at or below it. */
    static long nearestRank(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
