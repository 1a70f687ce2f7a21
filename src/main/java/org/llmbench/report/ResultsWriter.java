package org.llmbench.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llmbench.json.Json;

/**
 * Writes results.json from the ledger, streaming: one entry per test from its final score (see {@link FinalScores}),
 * then the summary, each model's and each model and suite's total and, when the leaderboard holds comparable earlier
 * runs, this run's percentile rank among them. Only the running sums of each model and suite are held.
 */
final class ResultsWriter {

    /** The file name in the run folder. */
    static final String FILE = "results.json";

    private ResultsWriter() {
    }

    static ResultsFile.Totals write(Path ledger, Path target, String runId, String configHash) throws IOException {
        return write(ledger, target, runId, configHash, Map.of());
    }

    static ResultsFile.Totals write(Path ledger, Path target, String runId, String configHash,
                                    Map<String, Leaderboard.Rank> ranks) throws IOException {
        Map<String, Sums> models = new LinkedHashMap<>();
        Map<List<String>, Sums> suites = new LinkedHashMap<>();
        Sums all = new Sums();
        int[] notReplayable = {0};
        try (JsonGenerator g = Json.PRETTY.createGenerator(target.toFile(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("run_id", runId);
            g.writeStringField("config_hash", configHash);
            g.writeArrayFieldStart("tasks");
            FinalScores.forEach(ledger, (score, call) -> {
                if (score == null) {
                    notReplayable[0] += "not_replayable".equals(call.path("error_kind").asText()) ? 1 : 0;
                    return;
                }
                write(g, task(score, call));
                String model = score.path("model").asText();
                all.add(score);
                models.computeIfAbsent(model, k -> new Sums()).add(score);
                suites.computeIfAbsent(List.of(model, score.path("suite").asText()), k -> new Sums()).add(score);
            });
            g.writeEndArray();
            ResultsFile.Totals totals = totals(models, suites, all, notReplayable[0], ranks);
            g.writeObjectField("summary", totals.summary());
            g.writeObjectField("models", totals.models());
            g.writeObjectField("suites", totals.suites());
            if (!ranks.isEmpty()) {
                g.writeObjectField("percentile_rank", ranks);
            }
            g.writeEndObject();
            return totals;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static ResultsFile.Totals totals(Map<String, Sums> models, Map<List<String>, Sums> suites, Sums all,
                                             int notReplayable, Map<String, Leaderboard.Rank> ranks) {
        Sums one = models.size() == 1 ? models.values().iterator().next() : null;
        var summary = new ResultsFile.Summary(one == null ? null : one.total(), all.tasks, all.passed, notReplayable,
                one == null ? null : ScoreError.of(one.sums.score()), one == null ? null : one.passAtK.means());
        List<ResultsFile.Model> modelList = new ArrayList<>();
        models.forEach((model, s) -> modelList.add(new ResultsFile.Model(model, s.total(), s.tasks, s.passed,
                ScoreError.of(s.sums.score()), s.passAtK.means())));
        List<ResultsFile.Suite> suiteList = new ArrayList<>();
        suites.forEach((key, s) -> {
            Uncertainty.Estimate e = s.sums.score();
            suiteList.add(new ResultsFile.Suite(key.get(0), key.get(1), ResultsFile.finite(e.mean()), ScoreError.of(e), e.n(),
                    s.passAtK.means()));
        });
        return new ResultsFile.Totals(summary, modelList, suiteList, ranks);
    }

    /** The running sums of one model, one model and suite, or the whole run. */
    private static final class Sums {
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

        ResultsFile.Total total() {
            return ResultsFile.Total.of(weighted, weight);
        }
    }

    private static ResultsFile.Task task(JsonNode score, JsonNode call) {
        ResultsFile.Sampled sampled = null;
        if (score.has("pass_at_k")) {
            Map<String, Double> passAtK = new LinkedHashMap<>();
            score.path("pass_at_k").fields().forEachRemaining(e -> passAtK.put(e.getKey(), e.getValue().asDouble()));
            sampled = new ResultsFile.Sampled(score.path("samples").asInt(), passAtK);
        }
        ResultsFile.Call facts = call == null ? null : new ResultsFile.Call(call.path("latency_ms").asLong(),
                call.path("chars_in").asInt(), call.path("chars_out").asInt(), text(call.path("error_kind")),
                text(call.path("raw_output")));
        boolean callOk = call != null && !call.hasNonNull("error_kind");
        int callRetries = call == null ? 0 : Math.max(0, call.path("attempts").asInt(1) - 1);
        return new ResultsFile.Task(score.path("test_id").asText(), score.path("model").asText(), score.path("suite").asText(),
                score.path("item").asText(), score.path("category").asText(), ResultsFile.finite(score.path("score").asDouble()),
                ResultsFile.finite(score.path("weight").asDouble()), ResultsFile.finite(score.path("weighted_score").asDouble()),
                score.path("passed").asBoolean(), sampled, facts,
                score.has("parse_ok") ? score.path("parse_ok").asBoolean() : callOk,
                callRetries + score.path("parse_retries").asInt(0));
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static void write(JsonGenerator g, Object value) {
        try {
            g.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
