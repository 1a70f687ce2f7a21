package org.llmbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.llmbench.record.RunEvent;

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

    /** Adds one test's final outcome. */
    void add(FinalScores.Outcome outcome) {
        RunEvent.Score score = outcome.score();
        if (score != null) {
            tests++;
            passed += score.passed() ? 1 : 0;
            weighted += score.weightedScore();
            weight += score.weight();
            sums.add(score.score(), score.weight());
            passAtK.add(score.sampling());
        }
        RunEvent.Call call = outcome.call();
        if (call == null) {
            return;
        }
        if (call.failed()) {
            errors.merge(call.errorKind(), 1, Integer::sum);
            return;
        }
        latency.add((double) call.latencyMs());
        if (call.ttftMs() != null) {
            ttft.add(call.ttftMs().doubleValue());
        }
        tpotMs(call).ifPresent(tpot::add);
        if (call.completionTokensPerS() != null) {
            tokensPerSecond.add(call.completionTokensPerS());
        }
    }

    /**
     * Time per output token after the first: (latency - ttft) / (tokens - 1) for a streamed call; else the
     * server's own eval_duration / eval_count (Ollama's timings as it sent them, nanoseconds); else unknown rather
     * than guessed.
     */
    static Optional<Double> tpotMs(RunEvent.Call call) {
        int tokens = call.completionTokens() == null ? 0 : call.completionTokens();
        if (call.ttftMs() != null && tokens > 1) {
            return Optional.of((call.latencyMs() - call.ttftMs()) / (double) (tokens - 1));
        }
        JsonNode timings = call.serverTimings() == null ? MissingNode.getInstance() : call.serverTimings();
        if (timings.path("eval_count").asLong(0) > 0 && timings.path("eval_duration").asLong(0) > 0) {
            return Optional.of(timings.path("eval_duration").asDouble() / 1e6 / timings.path("eval_count").asDouble());
        }
        return Optional.empty();
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
                new TreeMap<>(errors), phases, null);
    }
}
