package org.llmbench.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.llmbench.json.Json;
import org.llmbench.report.ChartLibrary;
import org.llmbench.report.HtmlReport;
import org.llmbench.report.PageOutput;

/**
 * The catalogue site: from every run folder under a root ({@code <handle>/<device>/run-<uuid>}), a leaderboard per
 * model over every run, the same board per device class and per quantization, a compare page, and each run's own
 * report.html. Every page is one self-contained file (data, script, style and the charting library inside); the run
 * pages share one copy of the library beside them. Figures come from each run's ledger ({@link CatalogueRuns}).
 */
public final class Catalogue {

    /** The site's first page. */
    public static final String INDEX = "index.html";
    /** The compare page. */
    public static final String COMPARE = "compare.html";
    /** Marks a folder the catalogue wrote, so that writing again may clear it (and nothing else). */
    static final String MARKER = ".llm-bench-catalogue";
    /** The charting library the run pages share, relative to the site. */
    private static final String RUN_CHARTS = "runs/echarts.min.js";

    /** What was written: the pages (index first), how many runs and rows (models of runs), and the site's size. */
    public record Site(Path folder, List<Path> pages, int runs, int rows, long bytes) {
    }

    private Catalogue() {
    }

    /**
     * Writes the site for every run under {@code root} into {@code out} (empty, or a catalogue written before).
     *
     * @param verdicts whether a run folder is verified, by the caller's checker
     * @param verifiedBasis what that checker checks, as the pages say it
     * @param problems told of each run folder left out, and why
     */
    public static Site write(Path root, Path out, Function<Path, Verdict> verdicts, String verifiedBasis,
                             Consumer<String> problems) throws IOException {
        prepare(out);
        List<CatalogueRow> rows = new ArrayList<>();
        int runs = 0;
        ChartLibrary library = ChartLibrary.bundled();
        Files.createDirectories(out.resolve(RUN_CHARTS).getParent());
        library.writeTo(out.resolve(RUN_CHARTS));
        for (CatalogueRuns.Found run : CatalogueRuns.find(root)) {
            List<CatalogueRow> of = CatalogueRuns.rowsOrNone(run, verdicts, problems);
            if (of.isEmpty()) {
                continue;
            }
            Path page = out.resolve(run.pagePath());
            Files.createDirectories(page.getParent());
            HtmlReport.write(List.of(run.folder()), page, page.getParent().relativize(out.resolve(RUN_CHARTS)).toString().replace('\\', '/'));
            rows.addAll(of);
            runs++;
        }
        rows.sort(Comparator.comparing(CatalogueRow::model).thenComparing(CatalogueRow::run));
        List<String> phases = phases(rows);
        List<Scope> scopes = scopes(rows);
        List<Path> pages = new ArrayList<>();
        String generatedAt = Instant.now().toString();
        for (Scope scope : scopes) {
            List<CatalogueRow> in = rows.stream().filter(scope.keeps()).toList();
            List<CataloguePage.Link> nav = scopes.stream().map(s -> new CataloguePage.Link(s.file(), s.label(), s == scope,
                    (int) rows.stream().filter(s.keeps()).map(CatalogueRow::run).distinct().count())).toList();
            CataloguePage page = new CataloguePage("llm-bench catalogue: " + scope.label(), scope.kind(), scope.label(),
                    generatedAt, nav, (int) in.stream().map(CatalogueRow::run).distinct().count(), verifiedBasis,
                    HtmlReport.safeJson(json(new PageData(scope.kind(), phases, in))), HtmlReport.safeScript(resource("catalogue.js")),
                    resource("catalogue.css"), library);
            Path target = out.resolve(scope.file());
            render(page, target);
            pages.add(target);
        }
        Files.writeString(out.resolve(MARKER), "written by llm-bench report catalogue; the next run may clear this folder\n");
        return new Site(out, pages, runs, rows.size(), size(out));
    }

    /** What the page's script reads. */
    record PageData(String kind, List<String> phases, List<CatalogueRow> rows) {
    }

    /** One page: its file, title, which rows it covers. */
    private record Scope(String file, String label, String kind, Predicate<CatalogueRow> keeps) {
    }

    /** Every run, each device class (present or not: an empty class says so), each quantization present, then compare. */
    private static List<Scope> scopes(List<CatalogueRow> rows) {
        List<Scope> scopes = new ArrayList<>();
        scopes.add(new Scope(INDEX, "every run", "board", r -> true));
        for (DeviceClass c : DeviceClass.values()) {
            scopes.add(new Scope("class-" + c.slug + ".html", c.label, "board", r -> c.slug.equals(r.deviceClass())));
        }
        Set<String> quants = new TreeSet<>();
        rows.stream().map(CatalogueRow::quant).filter(Objects::nonNull).forEach(quants::add);
        for (String q : quants) {
            scopes.add(new Scope("quant-" + q.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "-") + ".html",
                    "quantization " + q, "board", r -> q.equals(r.quant())));
        }
        scopes.add(new Scope(COMPARE, "compare", "compare", r -> true));
        return scopes;
    }

    private static List<String> phases(List<CatalogueRow> rows) {
        Set<String> phases = new LinkedHashSet<>();
        rows.forEach(r -> phases.addAll(r.phases().keySet()));
        return List.copyOf(phases);
    }

    /** An empty folder, or one this catalogue wrote (then cleared); anything else is refused, never deleted. */
    private static void prepare(Path out) throws IOException {
        if (Files.isDirectory(out)) {
            boolean empty;
            try (Stream<Path> list = Files.list(out)) {
                empty = list.findAny().isEmpty();
            }
            if (!empty && !Files.isRegularFile(out.resolve(MARKER))) {
                throw new IOException(out + " is not empty and was not written by report catalogue: choose an empty folder");
            }
            if (!empty) {
                try (Stream<Path> walk = Files.walk(out)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(out)).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.createDirectories(out);
    }

    private static void render(CataloguePage page, Path target) throws IOException {
        TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
        try (PageOutput output = new PageOutput(target)) {
            engine.render("catalogue.jte", page, output);
        }
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static String json(Object data) {
        try {
            return Json.MAPPER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Catalogue.class.getResourceAsStream("/org/llmbench/catalogue/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " (a build problem)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
