package org.llmbench.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llmbench.json.Json;
import org.llmbench.record.RunEvent;
import org.llmbench.record.Sampling;
import org.llmbench.record.TaskParse;
import org.llmbench.record.TestRef;

/**
 * Writes results.json from the ledger's final outcomes (read once for every file, {@link FinalScores}): one entry per
 * test from its final score, then the summary, each model's and each model and suite's total and, when the
 * leaderboard holds comparable earlier runs, this run's percentile rank among them.
 */
final class ResultsWriter {

    /** The file name in the run folder. */
    static final String FILE = "results.json";

    /** The error kind of a call a replay could not answer: the replayed ledger has no answer for its test. */
    private static final String NOT_REPLAYABLE = "not_replayable";

    private ResultsWriter() {
    }

    static ResultsFile.Totals write(FinalScores scores, Path target, String runId, String configHash) throws IOException {
        return write(scores, target, runId, configHash, Map.of());
    }

    static ResultsFile.Totals write(FinalScores scores, Path target, String runId, String configHash,
                                    Map<String, Leaderboard.Rank> ranks) throws IOException {
        return write(scores, target, runId, configHash, ranks, new Footprints());
    }

    /** With each model's memory and energy ({@code models[].footprint}) where the ledger has them. */
    static ResultsFile.Totals write(FinalScores scores, Path target, String runId, String configHash,
                                    Map<String, Leaderboard.Rank> ranks, Footprints footprints) throws IOException {
        Map<String, Sums> models = new LinkedHashMap<>();
        Map<List<String>, Sums> suites = new LinkedHashMap<>();
        Sums all = new Sums();
        int[] notReplayable = {0};
        // Judged before the file is opened: the gate reads this run's ledger, never the results.json being written.
        ResultsFile.Gate gate = GateResults.of(target.toAbsolutePath().getParent());
        try (JsonGenerator g = Json.PRETTY.createGenerator(target.toFile(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("run_id", runId);
            g.writeStringField("config_hash", configHash);
            g.writeArrayFieldStart("tasks");
            scores.forEach(outcome -> {
                RunEvent.Score score = outcome.score();
                if (score == null) {
                    notReplayable[0] += NOT_REPLAYABLE.equals(outcome.call().errorKind()) ? 1 : 0;
                    return;
                }
                write(g, task(score, outcome.call()));
                String model = score.ref().model();
                all.add(score);
                models.computeIfAbsent(model, k -> new Sums()).add(score);
                suites.computeIfAbsent(List.of(model, score.ref().suite()), k -> new Sums()).add(score);
            });
            g.writeEndArray();
            ResultsFile.Totals totals = totals(models, suites, all, notReplayable[0], ranks, footprints);
            g.writeObjectField("summary", totals.summary());
            g.writeObjectField("models", totals.models());
            g.writeObjectField("suites", totals.suites());
            if (!ranks.isEmpty()) {
                g.writeObjectField("percentile_rank", ranks);
            }
            if (gate != null) {
                g.writeObjectField("regression_gate", gate);
            }
            g.writeEndObject();
            return totals;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static ResultsFile.Totals totals(Map<String, Sums> models, Map<List<String>, Sums> suites, Sums all,
                                             int notReplayable, Map<String, Leaderboard.Rank> ranks, Footprints footprints) {
        Sums one = models.size() == 1 ? models.values().iterator().next() : null;
        var summary = new ResultsFile.Summary(one == null ? null : one.total(), all.tasks, all.passed, notReplayable,
                one == null ? null : ScoreError.of(one.sums.score()), one == null ? null : one.passAtK.means());
        List<ResultsFile.Model> modelList = new ArrayList<>();
        models.forEach((model, s) -> modelList.add(new ResultsFile.Model(model, s.total(), s.tasks, s.passed,
                ScoreError.of(s.sums.score()), s.passAtK.means(), footprints.of(model, s.tasks, s.passed))));
        List<ResultsFile.Suite> suiteList = new ArrayList<>();
        suites.forEach((key, s) -> {
            Uncertainty.Estimate e = s.sums.score();
            suiteList.add(new ResultsFile.Suite(key.get(0), key.get(1), ResultsFile.finite(e.mean()), ScoreError.of(e), e.n(),
                    s.passAtK.means(), s.methods.figures()));
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
        final MethodScores methods = new MethodScores();

        void add(RunEvent.Score score) {
            methods.add(score);
            weighted += score.weightedScore();
            weight += score.weight();
            tasks++;
            passed += score.passed() ? 1 : 0;
            sums.add(score.score(), score.weight());
            passAtK.add(score.sampling());
        }

        ResultsFile.Total total() {
            return ResultsFile.Total.of(weighted, weight);
        }
    }

    private static ResultsFile.Task task(RunEvent.Score score, RunEvent.Call call) {
        Sampling sampling = score.sampling();
        TestRef ref = score.ref();
        TaskParse parse = score.task();
        int callRetries = call == null ? 0 : Math.max(0, call.attempts() - 1);
        return new ResultsFile.Task(ref.testId(), ref.model(), ref.suite(), ref.item(), ref.category(),
                ResultsFile.finite(score.score()), ResultsFile.finite(score.weight()), ResultsFile.finite(score.weightedScore()),
                score.passed(), sampling == null ? null : new ResultsFile.Sampled(sampling.samples(), sampling.passAtK()),
                call == null ? null : new ResultsFile.Call(call.latencyMs(), call.charsIn(), call.charsOut(), call.errorKind(),
                        call.rawOutput()),
                parse != null ? parse.parseOk() : call != null && !call.failed(),
                callRetries + (parse != null ? parse.parseRetries() : 0), methods(score));
    }

    /** A question's headline, prompt format and verdicts, or null without methods. */
    private static ResultsFile.Methods methods(RunEvent.Score score) {
        MethodScores one = new MethodScores();
        one.add(score);
        return one.figures();
    }

    private static void write(JsonGenerator g, Object value) {
        try {
            g.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
