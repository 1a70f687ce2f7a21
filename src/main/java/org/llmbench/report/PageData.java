package org.llmbench.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.llmbench.json.Json;
import org.llmbench.record.RunEvent;

/**
 * The data report.html's script draws from: every question with each column's outcome, the speed samples per figure
 * and column, and the lane figures of parallel phases. Names are short: a page of a large run holds tens of thousands
 * of cells. It is written field by field ({@link #write}) rather than by Jackson's data binding, whose first use
 * (introspecting four record types, then generating an accessor class per component) cost a run 40-120 ms of CPU
 * after the model's last answer: more than everything else the end of a run writes.
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
    record Cell(double s, boolean p, String a, String e, List<String> r) {
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

    /** The page's JSON, compact: the names are the record components', which report.js reads. */
    String toJson() {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = Json.MAPPER.createGenerator(text)) {
            g.writeStartObject();
            g.writeArrayFieldStart("columns");
            for (Column c : columns) {
                g.writeStartObject();
                g.writeStringField("id", c.id());
                g.writeStringField("label", c.label());
                g.writeStringField("model", c.model());
                g.writeStringField("run", c.run());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("phases");
            for (String phase : phases) {
                g.writeString(phase);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
            for (Row row : rows) {
                writeRow(g, row);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("speed");
            for (var figure : speed.entrySet()) {
                g.writeArrayFieldStart(figure.getKey());
                for (List<Double> series : figure.getValue()) {
                    g.writeStartArray();
                    for (Double point : series) {
                        g.writeNumber(point);
                    }
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeArrayFieldStart("lanes");
            for (JsonNode lane : lanes) {
                g.writeTree(lane);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("cost");
            for (Cost c : cost) {
                g.writeStartObject();
                g.writeStringField("c", c.c());
                g.writeNumberField("s", c.s());
                writeNumberOrNull(g, "m", c.m());
                writeNumberOrNull(g, "j", c.j());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeNumberOrNull(JsonGenerator g, String name, Double value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    private static void writeRow(JsonGenerator g, Row row) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", row.key());
        g.writeStringField("phase", row.phase());
        g.writeStringField("tag", row.tag());
        g.writeStringField("prompt", row.prompt());
        g.writeArrayFieldStart("cells");
        for (Cell cell : row.cells()) {
            if (cell == null) {
                g.writeNull();
                continue;
            }
            g.writeStartObject();
            g.writeNumberField("s", cell.s());
            g.writeBooleanField("p", cell.p());
            g.writeStringField("a", cell.a());
            if (cell.e() != null) {
                g.writeStringField("e", cell.e());
            }
            g.writeArrayFieldStart("r");
            for (String reason : cell.r()) {
                g.writeString(reason);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
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
