package org.llmbench.report;

import gg.jte.Content;
import java.util.List;

/**
 * What report.html shows, as the template reads it: built by {@link HtmlReport} from the runs' ledgers and
 * manifests only. Numbers are preformatted text so the page and its tests read the same figures.
 *
 * @param columns one per model of each run (or per run, when every run holds the same single model)
 * @param phases the phases in run order
 * @param cells per phase, per column: "score (passed/tests)" or "" when the column did not run the phase
 * @param paired the regression gate's paired result (last run against the first, or a run against its recorded
 *               baseline); null when there is nothing to pair
 * @param dataJson the questions, answers and speed samples for the page's script, already safe inside a script tag
 * @param chartJs the charting library's code, inlined (null when {@code chartsHref} names it)
 * @param chartsHref where the page loads the charting library from, relative to it; null when it is inlined
 */
public record ReportPage(String title, String generatedAt, List<Column> columns, List<String> phases,
                         List<List<String>> cells, List<Run> runs, List<Speed> speed, List<Changed> changed,
                         Paired paired, String allureResults, String dataJson, String script, String style, Content chartJs,
                         String chartsHref, List<Cost> costs) {

    /** One column of the side-by-side views. */
    public record Column(String id, String label, String model, String runId, String total, String interval,
                         String passed, boolean leads) {
    }

    /** One run: where it ran and with which settings. */
    public record Run(String runId, String startedAt, String models, String provider, String hardware, String options) {
    }

    /** Speed percentiles of one column: p50 / p95 / p99 per figure, "-" where nothing was measured. */
    public record Speed(String column, String ttft, String tpot, String tokensPerS, String serverTokensPerS,
                        String latency) {
    }

    /**
     * What a column's model took of the machine, beside its score and speed ({@link Footprints}): memory at load and
     * peak with its source, energy with its source or why there is none, and energy per correct answer.
     */
    public record Cost(String column, String total, String tokensPerS, String memory, String memorySource, String vram,
                       String kvCache, String energy, String joulesPerQuestion, String joulesPerCorrect,
                       String tokensPerJoule) {
    }

    /** A question whose score differs between the first and the last column (regressions first). */
    public record Changed(String question, String first, String last, String delta) {
    }

    /**
     * The regression gate's paired result.
     *
     * @param refused why the runs could not be paired, or null
     */
    public record Paired(String about, String verdict, String refused, List<PairedModel> models) {
    }

    /** One model's paired figures: McNemar's test on pass/fail and the bootstrap interval of the score difference. */
    public record PairedModel(String model, String baselineModel, String paired, String passed, String flips, String pValue,
                              String score, String interval, String verdict, List<Flip> flipped) {
    }

    /** A question whose pass/fail verdict changed. */
    public record Flip(String question, String direction, String baseline, String now, String delta) {
    }
}
