package org.llmbench.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The figures of one model in one phase (or of a whole model), gathered test by test from the ledger. */
final class PhaseFigures {

    private static final double[] LEVELS = {50, 90, 95, 99};

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

    double score() {
        return weight == 0 ? 0 : weighted / weight;
    }

    int tests() {
        return tests;
    }

    int passed() {
        return passed;
    }

    /** As JSON: score, pass count, percentiles of latency/ttft/tpot, p50 of tokens/s, errors by kind. */
    ObjectNode toJson() {
        ObjectNode node = JsonSupport.MAPPER.createObjectNode();
        node.put("score", score());
        Uncertainty.put(node, sums.score());
        passAtK.means().forEach((k, v) -> node.put("pass_at_" + k, v));
        node.put("tests", tests);
        node.put("passed", passed);
        node.put("weight", weight);
        node.set("latency_ms", percentiles(latency, LEVELS));
        node.set("ttft_ms", percentiles(ttft, LEVELS));
        node.set("tpot_ms", percentiles(tpot, LEVELS));
        node.set("completion_tokens_per_s", percentiles(tokensPerSecond, new double[] {50}));
        node.set("errors_by_kind", JsonSupport.toTree(errors));
        return node;
    }

    private static JsonNode percentiles(List<Double> values, double[] levels) {
        ObjectNode node = JsonSupport.MAPPER.createObjectNode();
        Percentiles p = Percentiles.of(values.stream().mapToDouble(Double::doubleValue).toArray());
        node.put("n", p.count());
        for (double level : levels) {
            String key = "p" + (int) level;
            if (p.count() == 0) {
                node.putNull(key);
            } else {
                node.put(key, Math.round(p.at(level) * 100) / 100.0);
            }
        }
        return node;
    }
}
