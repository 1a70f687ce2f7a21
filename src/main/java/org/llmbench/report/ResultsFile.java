package org.llmbench.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * The parts of results.json (SPEC section 8, src/main/resources/schemas/results.schema.json) as Jackson writes
 * them: field names are the components' in snake case, in the order declared. A number that is not finite is
 * written as null ({@link #finite}): Jackson would write NaN and Infinity as strings, which no reader expects.
 */
final class ResultsFile {

    private ResultsFile() {
    }

    /** A number, or null when it is not finite. */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** One test's final outcome. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Task(String taskId, String model, String suite, String item, String category, Double score, Double weight,
                Double weightedScore, boolean passed, @JsonUnwrapped Sampled sampled, @JsonUnwrapped Call call,
                boolean parseOk, int retriesUsed, @JsonUnwrapped Methods methods) {
    }

    /**
     * How a public-format score was produced: the headline method (whose score it is), the prompt format, and the
     * score under every method; all left out for llm-bench's own suites.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Methods(String method, String promptFormat, Map<String, Double> methods) {
    }

    /** A question asked several times: how often, and its pass@k per k. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Sampled(int samples, Map<String, Double> passAtK) {
    }

    /** What the test's last call cost and answered. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Call(long latencyMs, int charsInPrompt, int charsInOutput, String errorKind, String rawOutput) {
    }

    /** One model's weighted total, and why there is none when it cannot be computed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Total(Double totalWeightedScore, Double totalWeight, Double scorePercent, Double totalScore,
                 @JsonInclude(JsonInclude.Include.NON_NULL) String totalUnavailable) {

        static Total of(double weighted, double weight) {
            double percent = weight == 0 ? 0 : weighted / weight;
            boolean known = Double.isFinite(percent);
            // The single-file harness's total_score: the same 0-100 weighted total, as the console prints it (2 decimals).
            return new Total(finite(weighted), finite(weight), finite(percent), known ? Math.round(percent * 100) / 100.0 : null,
                    known ? null : "the weighted total cannot be computed: a weight or score in the ledger is not a finite number");
        }
    }

    /**
     * The run's counts; the total and its error only when one model ran (with several, each model's is in
     * {@code models} and nothing is added up across them).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Summary(@JsonUnwrapped Total total, int tasks, int passed, int notReplayable, @JsonUnwrapped ScoreError error,
                   @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> passAtK) {
    }

    /** One model's total. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Model(String model, @JsonUnwrapped Total total, int tasks, int passed, @JsonUnwrapped ScoreError error,
                 @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> passAtK,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Footprints.ModelFootprint footprint) {
    }

    /** One model's score in one suite. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Suite(String model, String suite, Double scorePercent, @JsonUnwrapped ScoreError error, int tasks,
                 @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> passAtK, @JsonUnwrapped Methods methods) {
    }

    /**
     * The regression gate against the baseline the run recorded ({@code bench.baseline}): {@code verdict} is
     * {@code passed}, {@code failed} or {@code refused} (then {@code refused} says why and there are no models).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Gate(String baseline, double alpha, Double maxDrop, String verdict,
                @JsonInclude(JsonInclude.Include.NON_NULL) String refused, List<GateModel> models) {
    }

    /** One model held to its baseline model: McNemar's test, the bootstrap interval, the flipped questions worst first. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record GateModel(String model, String baselineModel, int paired, int passedBefore, int passedNow, double pValue,
                     Double baselineScore, Double score, Double difference, Double intervalLow, Double intervalHigh,
                     boolean significantDrop, boolean overMaxDrop, List<String> passToFail, List<String> failToPass) {
    }

    /** Everything after the tasks: what report.md and run.md read, without reading the file back. */
    record Totals(Summary summary, List<Model> models, List<Suite> suites, Map<String, Leaderboard.Rank> percentileRank) {
    }
}
