package org.llmbench.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * report.html: one self-contained page (data, script, style and the charting library inside; no network) that puts
 * models or runs side by side: an overview of scores per phase with intervals, every question with each model's
 * answer, speed distributions, and what changed between runs. Everything on it is read from the runs' ledgers (their
 * final scores and calls, as results.json takes them) and manifests; nothing is measured or recomputed elsewhere.
 */
public final class HtmlReport {

    /** The file name inside a run folder. */
    public static final String FILE = "report.html";

    /** Answers and prompts longer than this are cut in the page; the ledger keeps them whole. */
    static final int MAX_TEXT = 2000;

    /** Points per speed series in the page's charts: enough for a smooth distribution at any run size. */
    static final int MAX_POINTS = 500;

    private static final String CHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    private HtmlReport() {
    }

    /** Writes the report of one or more finished run folders to {@code target}. */
    public static void write(List<Path> runFolders, Path target) throws IOException {
        ReportPage page = page(runFolders, target.toAbsolutePath().getParent());
        TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            engine.render("report.jte", page, new WriterOutput(out));
        }
    }

    /**
     * Whether a script element's text is exactly the charting library this harness inlines, so check-submission can
     * pass over it (minified code matches privacy patterns by chance) without letting anything else hide there.
     */
    public static boolean isBundledLibrary(String scriptText) {
        return scriptText.equals(safeScript(resourceAt(CHARTS)));
    }

    /** One column's final outcomes, keyed by suite/item. */
    private static final class ColumnData {
        final String id;
        final String model;
        final String runId;
        String label;
        final Map<String, JsonNode[]> outcomes = new LinkedHashMap<>();
        double weighted;
        double weight;
        int passed;

        ColumnData(String id, String model, String runId) {
            this.id = id;
            this.model = model;
            this.runId = runId;
        }
    }

    /** The page for these runs, written into {@code pageFolder} (paths on it are relative to that folder). */
    static ReportPage page(List<Path> runFolders, Path pageFolder) throws IOException {
        List<ColumnData> columns = new ArrayList<>();
        List<ReportPage.Run> runs = new ArrayList<>();
        Set<String> phases = new LinkedHashSet<>();
        ArrayNode lanes = JsonSupport.MAPPER.createArrayNode();
        String allure = null;
        for (Path folder : runFolders) {
            JsonNode manifest = read(folder.resolve("manifest.json"));
            String runId = manifest.path("run_id").asText(folder.getFileName().toString());
            Map<String, ColumnData> byModel = new LinkedHashMap<>();
            FinalScores.forEach(folder.resolve("run.jsonl"), (score, call) -> {
                if (score == null) {
                    return;
                }
                String model = score.path("model").asText();
                ColumnData c = byModel.computeIfAbsent(model, m -> new ColumnData("c" + (columns.size() + byModel.size()), m, runId));
                phases.add(score.path("suite").asText());
                c.outcomes.put(score.path("suite").asText() + "/" + score.path("item").asText(), new JsonNode[] {score, call});
                c.weighted += score.path("weighted_score").asDouble();
                c.weight += score.path("weight").asDouble();
                c.passed += score.path("passed").asBoolean() ? 1 : 0;
            });
            columns.addAll(byModel.values());
            runs.add(new ReportPage.Run(runId, manifest.path("started_at").asText(""), String.join(", ", byModel.keySet()),
                    manifest.path("provider").asText(""), hardware(folder.resolve("hardware.json")),
                    manifest.path("options").toString() + (manifest.path("sandbox").asText("").equals("unisolated")
                            ? "; sandbox: unisolated (model code ran without an operating-system boundary)" : "")));
            manifest.path("phase_figures").forEach(f -> {
                if (f.has("lanes")) {
                    ((ObjectNode) f).put("run", runId);
                    lanes.add(f);
                }
            });
            // Where Allure writes: beside the run folders (the jar), or target/allure-results (Maven). Named relative
            // to the page: an absolute path would put the user's home folder into a file meant for a public pull request.
            for (Path allureResults : List.of(folder.toAbsolutePath().getParent().resolve("allure-results"),
                    Path.of("target", "allure-results").toAbsolutePath())) {
                if (allure == null && Files.isDirectory(allureResults)) {
                    allure = relative(pageFolder, allureResults);
                }
            }
        }
        label(columns);
        List<String> phaseList = List.copyOf(phases);
        return new ReportPage(title(columns, runs), Instant.now().toString(), columnsOf(columns), phaseList,
                cells(columns, phaseList), runs, speed(columns), changed(columns), allure,
                safeJson(data(columns, phaseList, lanes)), safeScript(resource("report.js")), resource("report.css"),
                safeScript(resourceAt(CHARTS)));
    }

    /** {@code target} as seen from {@code from}, with forward slashes; null when no relative path exists (another drive). */
    static String relative(Path from, Path target) {
        try {
            String path = from.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize()).toString();
            return path.replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Model names when they tell the columns apart, else model and run. */
    private static void label(List<ColumnData> columns) {
        Set<String> models = new LinkedHashSet<>();
        columns.forEach(c -> models.add(c.model));
        boolean oneModelManyRuns = models.size() == 1 && columns.size() > 1;
        boolean unique = models.size() == columns.size();
        for (ColumnData c : columns) {
            String run = c.runId.length() > 8 ? c.runId.substring(0, 8) : c.runId;
            c.label = oneModelManyRuns ? "run " + run : unique ? c.model : c.model + " @ " + run;
        }
    }

    private static String title(List<ColumnData> columns, List<ReportPage.Run> runs) {
        Set<String> models = new LinkedHashSet<>();
        columns.forEach(c -> models.add(c.model));
        return "llm-bench: " + String.join(" vs ", models) + (runs.size() > 1 ? " (" + runs.size() + " runs)" : "");
    }

    private static List<ReportPage.Column> columnsOf(List<ColumnData> columns) {
        double best = columns.stream().mapToDouble(HtmlReport::total).max().orElse(0);
        List<ReportPage.Column> out = new ArrayList<>();
        for (ColumnData c : columns) {
            double[] interval = interval(c);
            out.add(new ReportPage.Column(c.id, c.label, c.model, c.runId, fmt(total(c)),
                    String.format(Locale.ROOT, "%.1f - %.1f", interval[0], interval[1]),
                    c.passed + "/" + c.outcomes.size(), columns.size() > 1 && total(c) == best));
        }
        return out;
    }

    private static double total(ColumnData c) {
        return c.weight == 0 ? 0 : c.weighted / c.weight;
    }

    /**
     * The 95 % interval of a weighted total, as every other report gives it ({@link Uncertainty}: the standard
     * error of the weighted mean over its questions, times 1.96, clipped to 0-100). Questions are the sampling unit.
     */
    static double[] interval(ColumnData c) {
        Uncertainty.Sums sums = new Uncertainty.Sums();
        for (JsonNode[] o : c.outcomes.values()) {
            sums.add(o[0].path("score").asDouble(), o[0].path("weight").asDouble());
        }
        Uncertainty.Estimate e = sums.score();
        return new double[] {e.low(), e.high()};
    }

    private static List<List<String>> cells(List<ColumnData> columns, List<String> phases) {
        List<List<String>> rows = new ArrayList<>();
        for (String phase : phases) {
            List<String> row = new ArrayList<>();
            for (ColumnData c : columns) {
                double weighted = 0;
                double weight = 0;
                int passed = 0;
                int tests = 0;
                for (var e : c.outcomes.entrySet()) {
                    if (e.getValue()[0].path("suite").asText().equals(phase)) {
                        weighted += e.getValue()[0].path("weighted_score").asDouble();
                        weight += e.getValue()[0].path("weight").asDouble();
                        passed += e.getValue()[0].path("passed").asBoolean() ? 1 : 0;
                        tests++;
                    }
                }
                row.add(tests == 0 ? "" : fmt(weight == 0 ? 0 : weighted / weight) + " (" + passed + "/" + tests + ")");
            }
            rows.add(row);
        }
        return rows;
    }

    private static final String[][] FIGURES = {{"ttft_ms", "ttft"}, {"tpot_ms", "tpot"},
            {"completion_tokens_per_s", "tps"}, {"server_completion_tokens_per_s", "server_tps"}, {"latency_ms", "latency"}};

    private static double[] samples(ColumnData c, String field) {
        return c.outcomes.values().stream().map(o -> o[1]).filter(call -> call != null && call.path(field).isNumber()
                        && !call.hasNonNull("error_kind")).mapToDouble(call -> call.path(field).asDouble()).toArray();
    }

    private static List<ReportPage.Speed> speed(List<ColumnData> columns) {
        List<ReportPage.Speed> out = new ArrayList<>();
        for (ColumnData c : columns) {
            String[] p = new String[FIGURES.length];
            for (int i = 0; i < FIGURES.length; i++) {
                Percentiles s = Percentiles.of(samples(c, FIGURES[i][0]));
                p[i] = s.count() == 0 ? "-" : fmt(s.at(50)) + " / " + fmt(s.at(95)) + " / " + fmt(s.at(99));
            }
            out.add(new ReportPage.Speed(c.label, p[0], p[1], p[2], p[3], p[4]));
        }
        return out;
    }

    /** Questions whose score differs between the first and the last column, the biggest drops first. */
    private static List<ReportPage.Changed> changed(List<ColumnData> columns) {
        if (columns.size() < 2) {
            return List.of();
        }
        ColumnData first = columns.get(0);
        ColumnData last = columns.get(columns.size() - 1);
        List<ReportPage.Changed> out = new ArrayList<>();
        List<double[]> deltas = new ArrayList<>();
        for (var e : first.outcomes.entrySet()) {
            JsonNode[] other = last.outcomes.get(e.getKey());
            if (other == null) {
                continue;
            }
            double a = e.getValue()[0].path("score").asDouble();
            double b = other[0].path("score").asDouble();
            if (a != b) {
                deltas.add(new double[] {b - a, out.size()});
                out.add(new ReportPage.Changed(e.getKey(), fmt(a), fmt(b), (b > a ? "+" : "") + fmt(b - a)));
            }
        }
        deltas.sort((x, y) -> Double.compare(x[0], y[0]));
        List<ReportPage.Changed> sorted = new ArrayList<>();
        deltas.forEach(d -> sorted.add(out.get((int) d[1])));
        return sorted;
    }

    /** The page's data: every question with each column's outcome, the speed samples and the lane figures. */
    private static String data(List<ColumnData> columns, List<String> phases, ArrayNode lanes) {
        ObjectNode root = JsonSupport.MAPPER.createObjectNode();
        ArrayNode cols = root.putArray("columns");
        columns.forEach(c -> cols.addObject().put("id", c.id).put("label", c.label).put("model", c.model).put("run", c.runId));
        ArrayNode ph = root.putArray("phases");
        phases.forEach(ph::add);
        Map<String, ObjectNode> rows = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            for (var e : columns.get(i).outcomes.entrySet()) {
                JsonNode score = e.getValue()[0];
                JsonNode call = e.getValue()[1];
                ObjectNode row = rows.computeIfAbsent(e.getKey(), k -> {
                    ObjectNode r = JsonSupport.MAPPER.createObjectNode().put("key", k).put("phase", score.path("suite").asText())
                            .put("tag", score.path("category").asText()).put("prompt", cut(prompt(call)));
                    r.putArray("cells");
                    return r;
                });
                ArrayNode cells = (ArrayNode) row.get("cells");
                while (cells.size() < i) {
                    cells.addNull();
                }
                ObjectNode cell = cells.addObject().put("s", score.path("score").asDouble()).put("p", score.path("passed").asBoolean());
                cell.put("a", call == null ? "" : cut(call.path("raw_output").asText("")));
                if (call != null && call.hasNonNull("error_kind")) {
                    cell.put("e", call.path("error_kind").asText() + ": " + call.path("error").asText(""));
                }
                ArrayNode reasons = cell.putArray("r");
                score.path("checks").forEach(ch -> reasons.add(ch.path("status").asText() + " " + ch.path("name").asText()
                        + ": " + ch.path("reason").asText("")));
            }
        }
        ArrayNode rowArray = root.putArray("rows");
        rows.values().forEach(r -> {
            ArrayNode cells = (ArrayNode) r.get("cells");
            while (cells.size() < columns.size()) {
                cells.addNull();
            }
            rowArray.add(r);
        });
        ObjectNode speed = root.putObject("speed");
        for (String[] figure : FIGURES) {
            ArrayNode series = speed.putArray(figure[1]);
            for (ColumnData c : columns) {
                ArrayNode points = series.addArray();
                double[] sorted = Percentiles.of(samples(c, figure[0])).sorted();
                int step = Math.max(1, sorted.length / MAX_POINTS);
                for (int k = 0; k < sorted.length; k += step) {
                    points.add(sorted[k]);
                }
                if (sorted.length > 0 && (sorted.length - 1) % step != 0) {
                    points.add(sorted[sorted.length - 1]);
                }
            }
        }
        root.set("lanes", lanes);
        return root.toString();
    }

    private static String prompt(JsonNode call) {
        if (call == null) {
            return "";
        }
        JsonNode messages = call.path("messages");
        return messages.isEmpty() ? "" : messages.get(messages.size() - 1).path("content").asText("");
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text
                : text.substring(0, MAX_TEXT) + "\n[... " + (text.length() - MAX_TEXT) + " more characters in the ledger]";
    }

    /**
     * JSON inside a script element: no '<' at all (so nothing can close the element or open a comment), and the
     * line separators some parsers reject, all as JSON escapes that JSON.parse turns back into the same text.
     */
    static String safeJson(String json) {
        return json.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /** Script code inside a script element: a closing tag in one of its strings would end the element early. */
    static String safeScript(String code) {
        return code.replaceAll("(?i)</script", "<\\\\/script").replace("<!--", "<\\!--");
    }

    private static String hardware(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        JsonNode h = read(file);
        return (h.path("cpu").path("model").asText(h.path("cpu").path("name").asText("")) + ", "
                + h.path("memory").path("total_gb").asText(h.path("memory_gb").asText("?")) + " GB").trim();
    }

    private static JsonNode read(Path file) {
        try {
            return Files.isRegularFile(file) ? JsonSupport.MAPPER.readTree(file.toFile()) : JsonSupport.MAPPER.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String resource(String name) {
        return resourceAt("/org/llmbench/report/" + name);
    }

    private static String resourceAt(String path) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path + " (a build problem)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
