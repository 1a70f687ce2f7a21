package org.llmbench.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of a test asked several times: the {@link RunEvent.Score} is their mean.
 *
 * @param passAtK pass@k by k, as text ("1", "2"...)
 */
public record Sampling(int samples, List<Double> sampleScores, int samplesPassed, Map<String, Double> passAtK) {
    public Sampling {
        sampleScores = List.copyOf(sampleScores);
        passAtK = Collections.unmodifiableMap(new LinkedHashMap<>(passAtK));
    }
}
