package org.llmbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** One column of report.html: one model of one run, with its final outcomes keyed by suite/item. */
final class ReportColumn {

    /** A test's final score and the call that led to it (null when the ledger holds none). */
    record Outcome(JsonNode score, JsonNode call) {
    }

    final String id;
    final String model;
    final String runId;
    String label;
    final Map<String, Outcome> outcomes = new LinkedHashMap<>();
    private double weighted;
    private double weight;
    private int passed;

    ReportColumn(String id, String model, String runId) {
        this.id = id;
        this.model = model;
        this.runId = runId;
    }

    void add(JsonNode score, JsonNode call) {
        outcomes.put(score.path("suite").asText() + "/" + score.path("item").asText(), new Outcome(score, call));
        weighted += score.path("weighted_score").asDouble();
        weight += score.path("weight").asDouble();
        passed += score.path("passed").asBoolean() ? 1 : 0;
    }

    /** The weighted total, 0-100. */
    double total() {
        return weight == 0 ? 0 : weighted / weight;
    }

    int passed() {
        return passed;
    }

    /**
     * The weighted total's uncertainty, as every other report gives it ({@link Uncertainty}: the standard error of
     * the weighted mean over its questions, times 1.96, clipped to 0-100). Questions are the sampling unit.
     */
    Uncertainty.Estimate estimate() {
        Uncertainty.Sums sums = new Uncertainty.Sums();
        outcomes.values().forEach(o -> sums.add(o.score().path("score").asDouble(), o.score().path("weight").asDouble()));
        return sums.score();
    }

    /** The values of one figure of the calls that answered (ttft_ms, latency_ms, ...). */
    double[] samples(String field) {
        return outcomes.values().stream().map(Outcome::call)
                .filter(call -> call != null && call.path(field).isNumber() && !call.hasNonNull("error_kind"))
                .mapToDouble(call -> call.path(field).asDouble()).toArray();
    }
}
