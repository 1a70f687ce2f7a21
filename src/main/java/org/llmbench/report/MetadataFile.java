package org.llmbench.report;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * metadata.json (src/main/resources/schemas/metadata.schema.json) as Jackson writes it: field names are the
 * components' in snake case, in the order declared.
 *
 * @param percentiles how the percentiles were taken ({@link Percentiles}), and the unit of times
 * @param models per model its figures, each with its phases' figures
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record MetadataFile(int schemaVersion, String runId, String configHash, String writtenAt, String percentiles,
                    Map<String, Figures> models) {

    /** The file name in the run folder. */
    static final String FILE = "metadata.json";

    /** What {@code percentiles} says. */
    static final String PERCENTILES = "linear interpolation between closest ranks (numpy default); times in ms";

    /**
     * The figures of one model, or of one model in one phase (then {@code phases} is null and left out): score, pass
     * count, percentiles of latency, time to first token and time per output token, the median tokens/s, errors by kind.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Figures(@JsonUnwrapped Score score, int tests, int passed, double weight, Spread latencyMs, Spread ttftMs,
                   Spread tpotMs, Median completionTokensPerS, Map<String, Integer> errorsByKind,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Figures> phases,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Footprints.ModelFootprint footprint) {

        /** The same figures with the model's memory and energy. */
        Figures with(Footprints.ModelFootprint f) {
            return new Figures(score, tests, passed, weight, latencyMs, ttftMs, tpotMs, completionTokensPerS, errorsByKind,
                    phases, f);
        }
    }

    /**
     * A weighted score with its error and, for sampled questions, the mean pass@k as {@code pass_at_K} fields
     * (apart from the figures so that they come right after the error).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Score(double score, @JsonUnwrapped ScoreError error, @JsonAnyGetter Map<String, Double> passAtK) {
    }

    /** p50, p90, p95 and p99 of n values, to two decimals; null without values. */
    record Spread(int n, Double p50, Double p90, Double p95, Double p99) {

        static Spread of(Percentiles p) {
            return new Spread(p.count(), p.rounded(50), p.rounded(90), p.rounded(95), p.rounded(99));
        }
    }

    /** The median of n values, to two decimals; null without values. */
    record Median(int n, Double p50) {

        static Median of(Percentiles p) {
            return new Median(p.count(), p.rounded(50));
        }
    }
}
