package org.llmbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.llmbench.config.TerminalText;
import org.llmbench.record.RecordReader;
import org.llmbench.record.RunEvent;
import org.llmbench.record.Stamp;
import org.llmbench.record.TestStatus;

/**
 * The totals of a run, derived from its whole ledger (every process that added to it: a resumed run counts what
 * the killed process scored too): per model and suite, each model's weighted total, and the final status of
 * every test. run_end, the console table and the quality gate all read these, and results.json is written from
 * the same final scores, so no two places can disagree. There is no total across models: a mean of two models'
 * scores describes neither, so every total and interval is one model's.
 */
public final class RunSummary {

    /** Totals of one model and suite, or of one model. */
    static final class Group {
        int scored;
        int passed;
        int errors;
        double weightedSum;
        double weightSum;
        final List<Double> ttft = new ArrayList<>();
        final List<Double> tokensPerS = new ArrayList<>();
        final List<Double> latency = new ArrayList<>();
        final Uncertainty.Sums sums = new Uncertainty.Sums();

        void add(RunEvent.Score score, RunEvent.Call call) {
            scored++;
            double weight = score.weight();
            sums.add(weight == 0 ? 0 : score.weightedScore() / weight, weight);
            passed += score.passed() ? 1 : 0;
            weightedSum += score.weightedScore();
            weightSum += weight;
            if (call != null && call.failed()) {
                errors++;
            } else if (call != null) {
                // Speeds over the calls that answered, as report.md's (PhaseFigures): a failure's time is no speed.
                latency.add((double) call.latencyMs());
                if (call.ttftMs() != null) {
                    ttft.add(call.ttftMs().doubleValue());
                }
                if (call.completionTokensPerS() != null) {
                    tokensPerS.add(call.completionTokensPerS());
                }
            }
        }

        double score() {
            return weightSum == 0 ? 0 : weightedSum / weightSum;
        }

        Uncertainty.Estimate estimate() {
            return sums.score();
        }
    }

    /** The status of a test that did not run in any process, beside {@link TestStatus}'s. */
    static final String SKIPPED = "skipped";

    // Models and their phases in the order the run scored them, not by name.
    final Map<String, Map<String, Group>> bySuite = new LinkedHashMap<>();
    final Map<String, Group> byModel = new LinkedHashMap<>();
    /** Per model and phase, the scores under each scoring method (public formats only). */
    final Map<String, Map<String, MethodScores>> methods = new LinkedHashMap<>();
    private int scored;
    final Uncertainty.PassRates passAtK = new Uncertainty.PassRates();
    private final Map<String, Integer> statuses;
    private final RecordReader.Reading reading;
    private final Footprints footprints;
    private final FinalScores scores;

    private RunSummary(Map<String, Integer> statuses, RecordReader.Reading reading, Footprints footprints,
                       FinalScores scores) {
        this.statuses = statuses;
        this.reading = reading;
        this.footprints = footprints;
        this.scores = scores;
    }

    /** What reading the ledger found: lines that are no event are left out of every total and named here. */
    public RecordReader.Reading reading() {
        return reading;
    }

    /**
     * Reads the ledger: final scores (as results.json takes them) and each test's last outcome, in two passes whose
     * outcomes the files written at the end of the run share ({@link #finalScores()}).
     */
    public static RunSummary of(Path ledger) throws IOException {
        Map<String, String> last = new HashMap<>();
        Footprints footprints = new Footprints();
        FinalScores scores = FinalScores.of(ledger, e -> {
            footprints.add(e);
            if (e instanceof RunEvent.TestEnd end) {
                last.put(end.testId(), end.status().wireName());
            } else if (e instanceof RunEvent.TestSkipped skipped) {
                // A test skipped because an earlier process scored it keeps that process's outcome.
                last.putIfAbsent(skipped.testId(), SKIPPED);
            }
        });
        // A process killed between a test's score and its end left no status: a later process skipped the test as
        // scored, and its score says how it ended (a score below its pass mark is what fails a question).
        scores.forEach(outcome -> {
            RunEvent.Score score = outcome.score();
            if (score != null && SKIPPED.equals(last.get(score.testId()))) {
                last.put(score.testId(), (score.passed() ? TestStatus.SUCCESSFUL : TestStatus.FAILED).wireName());
            }
        });
        Map<String, Integer> statuses = new TreeMap<>();
        last.values().forEach(s -> statuses.merge(s, 1, Integer::sum));
        RunSummary summary = new RunSummary(statuses, scores.reading(), footprints, scores);
        scores.forEach(outcome -> {
            RunEvent.Score score = outcome.score();
            if (score == null) {
                return;
            }
            String model = score.ref().model();
            summary.bySuite.computeIfAbsent(model, k -> new LinkedHashMap<>())
                    .computeIfAbsent(score.ref().suite(), k -> new Group()).add(score, outcome.call());
            summary.byModel.computeIfAbsent(model, k -> new Group()).add(score, outcome.call());
            summary.scored++;
            summary.passAtK.add(score.sampling());
            summary.methods.computeIfAbsent(model, k -> new LinkedHashMap<>())
                    .computeIfAbsent(score.ref().suite(), k -> new MethodScores()).add(score);
        });
        return summary;
    }

    /** Each test's final outcome as this summary read them: the files written at the end of the run read these. */
    FinalScores finalScores() {
        return scores;
    }

    /** One model's weighted total (0-100) with its interval, over the questions it scored. */
    public record ModelTotal(String model, double score, Uncertainty.Estimate estimate, int scored, int passed) {
    }

    /** Each model's weighted total, in the order the run scored them. */
    public List<ModelTotal> modelTotals() {
        List<ModelTotal> totals = new ArrayList<>();
        byModel.forEach((model, g) -> totals.add(new ModelTotal(model, g.score(), g.estimate(), g.scored, g.passed)));
        return totals;
    }

    /**
     * The {@code run_end} event of a ledger with these totals: each test's last status, how many scored, each model's
     * total and, when one model ran, that total again as the weighted total. Built here so that the record's end and
     * every report carry the same figures.
     *
     * @param mergedShards how many shards a merged run joined; null for a run
     */
    public RunEvent.RunEnd runEnd(Stamp stamp, long durationMs, Integer mergedShards) {
        Map<String, Double> totals = modelScores();
        return new RunEvent.RunEnd(stamp, durationMs, new TreeMap<>(statuses()), scored(),
                totals.size() == 1 ? totals.values().iterator().next() : null, totals, mergedShards);
    }

    /** Each model's weighted total (0-100) by name: what run_end records. */
    public Map<String, Double> modelScores() {
        Map<String, Double> totals = new LinkedHashMap<>();
        byModel.forEach((model, g) -> totals.put(model, g.score()));
        return totals;
    }

    /** What the run's footprint events say of the models, for the files written at the end of the run. */
    Footprints footprints() {
        return footprints;
    }

    /** One model's memory and energy with its figures per question and per correct answer; null without a footprint. */
    Footprints.ModelFootprint footprint(String model) {
        Group g = byModel.get(model);
        return footprints.of(model, g == null ? 0 : g.scored, g == null ? 0 : g.passed);
    }

    /** One console line of totals: "weighted total 80.00" for one model, each model's total for several (names escaped). */
    public String totalsLine() {
        if (byModel.size() == 1) {
            return "weighted total " + twoDecimals(byModel.values().iterator().next().score());
        }
        StringBuilder sb = new StringBuilder("weighted totals:");
        byModel.forEach((model, g) -> sb.append(' ').append(TerminalText.escape(model)).append(' ')
                .append(twoDecimals(g.score())).append(','));
        sb.setLength(sb.length() - 1);
        return byModel.isEmpty() ? "no weighted total" : sb.toString();
    }

    /** How many questions and tasks have a score. */
    public int scored() {
        return scored;
    }

    /** Whether questions were scored and every one's call failed: the server, not the model, was measured. */
    public boolean everyCallFailed() {
        return scored > 0 && byModel.values().stream().mapToInt(g -> g.errors).sum() == scored;
    }

    /** Each test's final status (successful, failed, aborted, skipped) counted over the run, by name. */
    public Map<String, Integer> statuses() {
        return Collections.unmodifiableMap(statuses);
    }

    /**
     * The console table, at most 80 columns: per model its own weighted total and speed (median time to first
     * token, median tokens/s, p95 latency), then its phases in run order; each model's weighted total with its
     * interval last and, when several models ran, which one leads and by how much.
     */
    public String table() {
        List<String> methodLines = MethodScores.lines(methods);
        return new SummaryTable(this).text() + (methodLines.isEmpty() ? ""
                : String.join("\n", methodLines) + "\n");
    }

    /** One model's totals in one phase. */
    public record PhaseTotal(String model, String suite, int scored, int passed, double score) {
    }

    /** Each model's totals in each phase, in the order the run scored them. */
    List<PhaseTotal> phaseTotals() {
        List<PhaseTotal> totals = new ArrayList<>();
        bySuite.forEach((model, suites) -> suites.forEach((suite, g) ->
                totals.add(new PhaseTotal(model, suite, g.scored, g.passed, g.score()))));
        return totals;
    }

    /** A score to two decimals, or "none" when it is not a number (a total that could not be computed). */
    static String twoDecimals(double score) {
        return Double.isFinite(score) ? String.format(Locale.ROOT, "%.2f", score) : "none";
    }
}
