package org.llmbench.ledger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes results.json (SPEC section 8) from the ledger, streaming: one entry per test from its final score
 * (see {@link FinalScores}), then the summary and each model's total and, when the leaderboard holds comparable
 * earlier runs, this run's percentile rank among them. The summary holds a weighted total only when one model ran:
 * with several, each model's total is in {@code models} and nothing is added up across them.
 */
final class ResultsWriter {

    private ResultsWriter() {
    }

    static void write(Path ledger, Path target, String runId, String configHash) throws IOException {
        write(ledger, target, runId, configHash, Map.of());
    }

    static void write(Path ledger, Path target, String runId, String configHash, Map<String, Leaderboard.Rank> ranks)
            throws IOException {
        int[] counts = new int[3];
        Map<String, ModelTotal> models = new java.util.LinkedHashMap<>();
        Map<String, Uncertainty.Sums> suites = new java.util.LinkedHashMap<>();
        Map<String, Uncertainty.PassRates> suitePassAtK = new java.util.LinkedHashMap<>();
        try (JsonGenerator g = JsonSupport.MAPPER.getFactory().createGenerator(target.toFile(),
                com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("run_id", runId);
            g.writeStringField("config_hash", configHash);
            g.writeArrayFieldStart("tasks");
            FinalScores.forEach(ledger, (score, call) -> {
                if (score == null) {
                    counts[2] += "not_replayable".equals(call.path("error_kind").asText()) ? 1 : 0;
                    return;
                }
                writeTask(g, score, call);
                models.computeIfAbsent(score.path("model").asText(), k -> new ModelTotal()).add(score);
                suitePassAtK.computeIfAbsent(score.path("model").asText() + "\u0000" + score.path("suite").asText(),
                        k -> new Uncertainty.PassRates()).add(score.path("pass_at_k"));
                suites.computeIfAbsent(score.path("model").asText() + "\u0000" + score.path("suite").asText(),
                        k -> new Uncertainty.Sums()).add(score.path("score").asDouble(), score.path("weight").asDouble());
                counts[0]++;
                counts[1] += score.path("passed").asBoolean() ? 1 : 0;
            });
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
            if (models.size() == 1) {
                models.values().iterator().next().writeTotal(g);
            }
            g.writeNumberField("tasks", counts[0]);
            g.writeNumberField("passed", counts[1]);
            g.writeNumberField("not_replayable", counts[2]);
            if (models.size() == 1) {
                models.values().iterator().next().writeError(g);
            }
            g.writeEndObject();
            g.writeArrayFieldStart("models");
            for (var model : models.entrySet()) {
                g.writeStartObject();
                g.writeStringField("model", model.getKey());
                model.getValue().writeTotal(g);
                g.writeNumberField("tasks", model.getValue().tasks);
                g.writeNumberField("passed", model.getValue().passed);
                model.getValue().writeError(g);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("suites");
            for (var suite : suites.entrySet()) {
                String[] key = suite.getKey().split("\u0000", 2);
                Uncertainty.Estimate e = suite.getValue().score();
                g.writeStartObject();
                g.writeStringField("model", key[0]);
                g.writeStringField("suite", key[1]);
                number(g, "score_percent", e.mean());
                writeError(g, e);
                g.writeNumberField("tasks", e.n());
                writePassAtK(g, suitePassAtK.get(suite.getKey()));
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!ranks.isEmpty()) {
                g.writeObjectFieldStart("percentile_rank");
                for (var rank : ranks.entrySet()) {
                    g.writeObjectFieldStart(rank.getKey());
                    number(g, "score", rank.getValue().score());
                    number(g, "percentile", rank.getValue().percentile());
                    g.writeNumberField("earlier_runs", rank.getValue().earlierRuns());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** One model's weighted total over its final scores. */
    private static final class ModelTotal {
        double weighted;
        double weight;
        int tasks;
        int passed;
        final Uncertainty.Sums sums = new Uncertainty.Sums();
        final Uncertainty.PassRates passAtK = new Uncertainty.PassRates();

        void add(JsonNode score) {
            weighted += score.path("weighted_score").asDouble();
            weight += score.path("weight").asDouble();
            tasks++;
            passed += score.path("passed").asBoolean() ? 1 : 0;
            sums.add(score.path("score").asDouble(), score.path("weight").asDouble());
            passAtK.add(score.path("pass_at_k"));
        }

        void writeTotal(JsonGenerator g) throws IOException {
            number(g, "total_weighted_score", weighted);
            number(g, "total_weight", weight);
            double percent = weight == 0 ? 0 : weighted / weight;
            number(g, "score_percent", percent);
            // The single-file harness's field: the same 0-100 weighted total, as the console prints it (2 decimals).
            number(g, "total_score", Double.isFinite(percent) ? Math.round(percent * 100) / 100.0 : percent);
            if (!Double.isFinite(percent)) {
                g.writeStringField("total_unavailable", "the weighted total cannot be computed: a weight or score in "
                        + "the ledger is not a finite number");
            }
        }

        void writeError(JsonGenerator g) throws IOException {
            ResultsWriter.writeError(g, sums.score());
            writePassAtK(g, passAtK);
        }
    }

    /** A number, or null when it is not finite: Jackson would write NaN and Infinity as strings, which no reader expects. */
    private static void number(JsonGenerator g, String field, double value) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumberField(field, value);
        } else {
            g.writeNullField(field);
        }
    }

    private static void writePassAtK(JsonGenerator g, Uncertainty.PassRates rates) throws IOException {
        if (rates.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("pass_at_k");
        for (var e : rates.means().entrySet()) {
            number(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** The standard error and 95 % interval of a score ({@link Uncertainty}). */
    private static void writeError(JsonGenerator g, Uncertainty.Estimate e) throws IOException {
        if (e.stderr() == null) {
            g.writeNullField("score_stderr");
        } else {
            number(g, "score_stderr", Uncertainty.round(e.stderr()));
        }
        number(g, "score_ci95_low", Uncertainty.round(e.low()));
        number(g, "score_ci95_high", Uncertainty.round(e.high()));
    }

    private static void writeTask(JsonGenerator g, JsonNode score, JsonNode call) {
        try {
            g.writeStartObject();
            g.writeStringField("task_id", score.path("test_id").asText());
            g.writeStringField("model", score.path("model").asText());
            g.writeStringField("suite", score.path("suite").asText());
            g.writeStringField("item", score.path("item").asText());
            g.writeStringField("category", score.path("category").asText());
            number(g, "score", score.path("score").asDouble());
            number(g, "weight", score.path("weight").asDouble());
            number(g, "weighted_score", score.path("weighted_score").asDouble());
            g.writeBooleanField("passed", score.path("passed").asBoolean());
            if (score.has("pass_at_k")) {
                g.writeNumberField("samples", score.path("samples").asInt());
                g.writeObjectField("pass_at_k", score.path("pass_at_k"));
            }
            if (call != null) {
                g.writeNumberField("latency_ms", call.path("latency_ms").asLong());
                g.writeNumberField("chars_in_prompt", call.path("chars_in").asInt());
                g.writeNumberField("chars_in_output", call.path("chars_out").asInt());
                g.writeStringField("error_kind", call.path("error_kind").isTextual() ? call.path("error_kind").asText() : null);
                g.writeStringField("raw_output", call.path("raw_output").isTextual() ? call.path("raw_output").asText() : null);
            }
            boolean callOk = call != null && !call.hasNonNull("error_kind");
            g.writeBooleanField("parse_ok", score.has("parse_ok") ? score.path("parse_ok").asBoolean() : callOk);
            int callRetries = call == null ? 0 : Math.max(0, call.path("attempts").asInt(1) - 1);
            g.writeNumberField("retries_used", callRetries + score.path("parse_retries").asInt(0));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
