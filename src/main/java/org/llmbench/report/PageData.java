package org.llmbench.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.llmbench.record.RunEvent;

/**
 * The data report.html's script draws from, as Jackson writes it: every question with each column's outcome, the
 * speed samples per figure and column, and the lane figures of parallel phases. Names are short: a page of a large
 * run holds tens of thousands of cells.
 */
record PageData(List<Column> columns, List<String> phases, Collection<Row> rows, Map<String, List<List<Double>>> speed,
                List<JsonNode> lanes, List<Cost> cost) {

    /** Answers and prompts longer than this are cut in the page; the ledger keeps them whole. */
    static final int MAX_TEXT = 2000;

    /** Points per speed series in the page's charts: enough for a smooth distribution at any run size. */
    static final int MAX_POINTS = 500;

    /** One column: one model of one run. */
    record Column(String id, String label, String model, String run) {
    }

    /**
     * One column's point on the cost plots: its weighted total against its peak memory (MiB) and against its energy per
     * correct answer (J); null where not measured.
     */
    record Cost(String c, double s, Double m, Double j) {
    }

    /** One question, with a cell per column (null where the column did not ask it). */
    record Row(String key, String phase, String tag, String prompt, List<Cell> cells) {
    }

    /**
     * One column's outcome of one question.
     *
     * @param s the score
     * @param p whether it passed
     * @param a the answer (cut)
     * @param e the call's error, if it failed
     * @param r each check: status, name and reason
     */
    record Cell(double s, boolean p, String a, @JsonInclude(JsonInclude.Include.NON_NULL) String e, List<String> r) {
    }

    static PageData of(ReportRuns runs) {
        List<ReportColumn> columns = runs.columns();
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            for (var e : columns.get(i).outcomes.entrySet()) {
                RunEvent.Score score = e.getValue().score();
                RunEvent.Call call = e.getValue().call();
                Row row = rows.computeIfAbsent(e.getKey(), k -> new Row(k, score.ref().suite(), score.ref().category(),
                        cut(prompt(call)), Arrays.asList(new Cell[columns.size()])));
                List<String> reasons = score.checks().stream().map(ch -> ch.status().wireName() + " " + ch.name() + ": "
                        + Objects.toString(ch.reason(), "")).toList();
                row.cells().set(i, new Cell(score.score(), score.passed(),
                        call == null ? "" : cut(Objects.toString(call.rawOutput(), "")),
                        call != null && call.failed() ? call.errorKind() + ": " + Objects.toString(call.error(), "") : null,
                        reasons));
            }
        }
        Map<String, List<List<Double>>> speed = new LinkedHashMap<>();
        for (PageTables.Figure figure : PageTables.Figure.values()) {
            List<List<Double>> series = new ArrayList<>();
            columns.forEach(c -> series.add(points(Percentiles.of(c.samples(figure.value)).sorted())));
            speed.put(figure.key, series);
        }
        List<Cost> cost = new ArrayList<>();
        columns.stream().filter(c -> c.footprint != null).forEach(c -> cost.add(new Cost(c.label, c.total(),
                c.footprint.memoryPeakBytes() == null ? null : c.footprint.memoryPeakBytes() / (1024.0 * 1024),
                c.footprint.joulesPerCorrect())));
        return new PageData(columns.stream().map(c -> new Column(c.id, c.label, c.model, c.runId)).toList(),
                runs.phases(), rows.values(), speed, runs.lanes(), cost);
    }

    /** At most about {@link #MAX_POINTS} of the sorted values, evenly spaced, the largest always among them. */
    private static List<Double> points(double[] sorted) {
        List<Double> points = new ArrayList<>();
        int step = Math.max(1, sorted.length / MAX_POINTS);
        for (int k = 0; k < sorted.length; k += step) {
            points.add(sorted[k]);
        }
        if (sorted.length > 0 && (sorted.length - 1) % step != 0) {
            points.add(sorted[sorted.length - 1]);
        }
        return points;
    }

    /** The last message sent: the question (a conversation's earlier turns are in the ledger). */
    private static String prompt(RunEvent.Call call) {
        if (call == null || call.messages().isEmpty()) {
            return "";
        }
        return Objects.toString(call.messages().get(call.messages().size() - 1).content(), "");
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text
                : text.substring(0, MAX_TEXT) + "\n[... " + (text.length() - MAX_TEXT) + " more characters in the ledger]";
    }
}
