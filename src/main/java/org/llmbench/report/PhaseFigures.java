package org.llmbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The figures of one model in one phase (or of a whole model), gathered test by test from the ledger. */
final class PhaseFigures {

    private int tests;
    private int passed;
    private double weighted;
    private double weight;
    private final List<Double> latency = new ArrayList<>();
    private final List<Double> ttft = new ArrayList<>();
    private final List<Double> tpot = new ArrayList<>();
    private final List<Double> tokensPerSecond = new ArrayList<>();
    private final Map<String, Integer> errors = new TreeMap<>();
    private final Uncertainty.Sums sums = new Uncertainty.Sums();
    private final Uncertainty.PassRates passAtK = new Uncertainty.PassRates();

    /** Adds one test's final score (null when it has none) and its call (may be null). */
    void add(JsonNode score, JsonNode call) {
        if (score != null) {
            tests++;
            passed += score.path("passed").asBoolean() ? 1 : 0;
            weighted += score.path("weighted_score").asDouble();
            weight += score.path("weight").asDouble();
            sums.add(score.path("score").asDouble(), score.path("weight").asDouble());
            passAtK.add(score.path("pass_at_k"));
        }
        if (call == null) {
            return;
        }
        if (call.hasNonNull("error_kind")) {
            errors.merge(call.path("error_kind").asText(), 1, Integer::sum);
            return;
        }
        latency.add(call.path("latency_ms").asDouble());
        if (call.hasNonNull("ttft_ms")) {
            ttft.add(call.path("ttft_ms").asDouble());
        }
        tpotMs(call).ifPresent(tpot::add);
        if (call.hasNonNull("completion_tokens_per_s")) {
            tokensPerSecond.add(call.path("completion_tokens_per_s").asDouble());
        }
    }

    /**
     * Time per output token after the first: (latency - ttft) / (tokens - 1) for a streamed call; else the
     * server's own eval_duration / eval_count (Ollama, nanoseconds); else unknown rather than guessed.
     */
    static java.util.Optional<Double> tpotMs(JsonNode call) {
        int tokens = call.path("completion_tokens").asInt(0);
        if (call.hasNonNull("ttft_ms") && tokens > 1) {
            return java.util.Optional.of((call.path("latency_ms").asDouble() - call.path("ttft_ms").asDouble()) / (tokens - 1));
        }
        JsonNode timings = call.path("server_timings");
        if (timings.path("eval_count").asLong(0) > 0 && timings.path("eval_duration").asLong(0) > 0) {
            return java.util.Optional.of(timings.path("eval_duration").asDouble() / 1e6 / timings.path("eval_count").asDouble());
        }
        return java.util.Optional.empty();
    }

    private double score() {
        return weight == 0 ? 0 : weighted / weight;
    }

    /** The figures of a phase, or of a model with its phases' figures. */
    MetadataFile.Figures figures(Map<String, MetadataFile.Figures> phases) {
        Map<String, Double> passAt = new LinkedHashMap<>();
        passAtK.means().forEach((k, v) -> passAt.put("pass_at_" + k, v));
        return new MetadataFile.Figures(new MetadataFile.Score(score(), ScoreError.of(sums.score()), passAt), tests, passed,
                weight, MetadataFile.Spread.of(Percentiles.of(latency)), MetadataFile.Spread.of(Percentiles.of(ttft)),
                MetadataFile.Spread.of(Percentiles.of(tpot)), MetadataFile.Median.of(Percentiles.of(tokensPerSecond)),
                new TreeMap<>(errors), phases);
    }
}
