package org.llmbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.llmbench.record.Hardware;
import org.llmbench.record.HardwareWriter;
import org.llmbench.record.Manifest;
import org.llmbench.record.ManifestCodec;
import org.llmbench.record.PhaseMeasures;
import org.llmbench.record.RunEvent;
import org.llmbench.record.RunFolders;

/**
 * What report.html shows of its runs, read from their folders only: a column per model of each run (its final
 * scores and calls, as results.json takes them), each run's settings and machine, the phases in run order, the
 * lane figures of parallel phases, and where Allure's results are.
 *
 * @param allure Allure's results folder relative to the page, or null when there is none
 */
record ReportRuns(List<ReportColumn> columns, List<ReportPage.Run> runs, List<String> phases, List<JsonNode> lanes,
                  String allure) {

    /** The phase figures of a parallel phase have this; the page draws throughput against it. */

    /**
     * The runs of these folders; a folder in {@code read} (the run just ended) is taken from the summary already read
     * from its ledger, the others are read here.
     */
    static ReportRuns read(List<Path> runFolders, Path pageFolder, Map<Path, RunSummary> read) throws IOException {
        List<ReportColumn> columns = new ArrayList<>();
        List<ReportPage.Run> runs = new ArrayList<>();
        Set<String> phases = new LinkedHashSet<>();
        List<JsonNode> lanes = new ArrayList<>();
        String allure = null;
        for (Path folder : runFolders) {
            Manifest manifest = ManifestCodec.exists(folder) ? ManifestCodec.read(folder.resolve(RunFolders.MANIFEST)) : null;
            String runId = manifest == null || manifest.runId() == null ? folder.getFileName().toString() : manifest.runId();
            Map<String, ReportColumn> byModel = new LinkedHashMap<>();
            RunSummary summary = read.containsKey(folder) ? read.get(folder) : RunSummary.of(folder.resolve(RunFolders.LEDGER));
            summary.finalScores().forEach(outcome -> {
                if (outcome.score() != null) {
                    phases.add(outcome.ref().suite());
                    byModel.computeIfAbsent(outcome.ref().model(),
                            m -> new ReportColumn("c" + (columns.size() + byModel.size()), m, runId)).add(outcome);
                }
            });
            Footprints footprints = summary.footprints();
            byModel.values().forEach(c -> c.footprint = footprints.of(c.model, c.outcomes.size(), c.passed()));
            columns.addAll(byModel.values());
            runs.add(run(manifest, runId, String.join(", ", byModel.keySet()), hardware(folder.resolve(HardwareWriter.FILE))));
            if (manifest != null && manifest.phaseFigures() != null) {
                for (RunEvent.PhaseFigures figures : manifest.phaseFigures()) {
                    if (figures.measures() instanceof PhaseMeasures.Lanes) {
                        // The page charts the figures as the manifest lists them, marked with their run.
                        lanes.add(ManifestCodec.phaseFigures(figures).put("run", runId));
                    }
                }
            }
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
        return new ReportRuns(columns, runs, List.copyOf(phases), lanes, allure);
    }

    /** One run's line: when, which models, where and with which settings; blank what an older folder lacks. */
    private static ReportPage.Run run(Manifest manifest, String runId, String models, String hardware) {
        if (manifest == null) {
            return new ReportPage.Run(runId, "", models, "", hardware, "");
        }
        return new ReportPage.Run(runId, MarkdownReport.text(manifest.startedAt()), models,
                MarkdownReport.text(manifest.provider()), hardware, MarkdownReport.text(manifest.options())
                + (MarkdownReport.UNISOLATED.equals(manifest.sandbox())
                        ? "; sandbox: unisolated (model code ran without an operating-system boundary)" : ""));
    }

    /** The page's title: the models, and how many runs when there are several. */
    String title() {
        Set<String> models = new LinkedHashSet<>();
        columns.forEach(c -> models.add(c.model));
        return "llm-bench: " + String.join(" vs ", models) + (runs.size() > 1 ? " (" + runs.size() + " runs)" : "");
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
    private static void label(List<ReportColumn> columns) {
        Set<String> models = new LinkedHashSet<>();
        columns.forEach(c -> models.add(c.model));
        boolean oneModelManyRuns = models.size() == 1 && columns.size() > 1;
        boolean unique = models.size() == columns.size();
        for (ReportColumn c : columns) {
            String run = c.runId.length() > 8 ? c.runId.substring(0, 8) : c.runId;
            c.label = oneModelManyRuns ? "run " + run : unique ? c.model : c.model + " @ " + run;
        }
    }

    private static String hardware(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try {
            Hardware h = Hardware.read(file);
            return (h.cpuModel() + ", " + (h.totalGb() == null ? "?" : h.totalGb().toString()) + " GB").trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
