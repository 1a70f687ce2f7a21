package org.llmbench.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import java.nio.charset.StandardCharsets;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * report.html: one self-contained page (data, script, style and the charting library inside; no network) that puts
 * models or runs side by side: an overview of scores per phase with intervals, every question with each model's
 * answer, speed distributions, and what changed between runs. Everything on it is read from the runs' ledgers (their
 * final scores and calls, as results.json takes them) and manifests ({@link ReportRuns}); nothing is measured or
 * recomputed elsewhere.
 */
public final class HtmlReport {

    /** The file name inside a run folder. */
    public static final String FILE = "report.html";

    private HtmlReport() {
    }

    /** Writes the report of one or more finished run folders to {@code target}. */
    public static void write(List<Path> runFolders, Path target) throws IOException {
        write(runFolders, target, null);
    }

    /**
     * Writes the report with the charting library loaded from {@code chartsHref} (relative to the page) instead of
     * inlined: the catalogue's thousand run pages share one copy (1 MB each otherwise). Null inlines it.
     */
    public static void write(List<Path> runFolders, Path target, String chartsHref) throws IOException {
        write(page(runFolders, target.toAbsolutePath().getParent(), chartsHref, Map.of()), target);
    }

    /** Writes the report of the run just ended, from the outcomes its summary read (the ledger is not read again). */
    static void write(Path runFolder, RunSummary summary, Path target) throws IOException {
        write(page(List.of(runFolder), target.toAbsolutePath().getParent(), null, Map.of(runFolder, summary)), target);
    }

    private static void write(ReportPage page, Path target) throws IOException {
        TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
        try (PageOutput out = new PageOutput(target)) {
            engine.render("report.jte", page, out);
        }
    }

    /**
     * Whether a script element's text is exactly the charting library this harness inlines, so check-submission can
     * pass over it (minified code matches privacy patterns by chance) without letting anything else hide there.
     */
    public static boolean isBundledLibrary(String scriptText) {
        return scriptText.equals(ChartLibrary.bundled().text());
    }

    /** The page for these runs, written into {@code pageFolder} (paths on it are relative to that folder). */
    static ReportPage page(List<Path> runFolders, Path pageFolder) throws IOException {
        return page(runFolders, pageFolder, null, Map.of());
    }

    private static ReportPage page(List<Path> runFolders, Path pageFolder, String chartsHref, Map<Path, RunSummary> read)
            throws IOException {
        ReportRuns runs = ReportRuns.read(runFolders, pageFolder, read);
        List<ReportColumn> columns = runs.columns();
        return new ReportPage(runs.title(), Instant.now().toString(), PageTables.columns(columns), runs.phases(),
                PageTables.cells(columns, runs.phases()), runs.runs(), PageTables.speed(columns), PageTables.changed(columns),
                PairedView.of(runFolders), runs.allure(), safeJson(PageData.of(runs).toJson()), safeScript(resource("report.js")),
                resource("report.css"),
                chartsHref == null ? ChartLibrary.bundled() : null, chartsHref, PageTables.costs(columns));
    }

    /**
     * JSON inside a script element: no '<' at all (so nothing can close the element or open a comment), and the
     * line separators some parsers reject, all as JSON escapes that JSON.parse turns back into the same text.
     */
    public static String safeJson(String json) {
        return json.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /** Script code inside a script element: a closing tag in one of its strings would end the element early. */
    public static String safeScript(String code) {
        return code.replaceAll("(?i)</script", "<\\\\/script").replace("<!--", "<\\!--");
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
}
