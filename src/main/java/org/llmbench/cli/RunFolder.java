package org.llmbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.llmbench.record.Manifest;
import org.llmbench.record.ManifestCodec;
import org.llmbench.record.RunFolders;
import org.llmbench.report.RunResults;

/**
 * A finished run folder as the reports read it: its manifest (null when it has none) and results, and per-model
 * figures.
 */
record RunFolder(Path path, Manifest manifest, RunResults results) {

    /** Figures of one model in a run. */
    record ModelFigures(String model, int tasks, int passed, double scorePercent, long latencyP50Ms) {
    }

    /** Reads a folder; it must hold results.json (a run that finished). */
    static RunFolder read(Path folder) {
        Path results = folder.resolve(RunResults.FILE);
        if (!Files.isRegularFile(results)) {
            throw new CliException(ExitCodes.INPUT, folder + ": not a finished run folder (no results.json)");
        }
        try {
            Path manifest = folder.resolve(RunFolders.MANIFEST);
            return new RunFolder(folder, Files.isRegularFile(manifest) ? ManifestCodec.read(manifest) : null,
                    RunResults.read(results));
        } catch (IOException e) {
            throw new CliException(ExitCodes.INPUT, folder + ": unreadable: " + e.getMessage());
        }
    }

    /** Every finished run under {@code root/<handle>/<device>/run-*}. */
    static List<RunFolder> submissions(Path root) throws IOException {
        List<RunFolder> runs = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return runs;
        }
        try (Stream<Path> walk = Files.walk(root, 3)) {
            for (Path p : walk.filter(p -> root.relativize(p).getNameCount() == 3
                    && p.getFileName().toString().startsWith("run-")
                    && Files.isRegularFile(p.resolve(RunResults.FILE))).sorted().toList()) {
                runs.add(read(p));
            }
        }
        return runs;
    }

    /** What the manifest says of the run, or {@code fallback} when there is no manifest or it does not say. */
    String fromManifest(java.util.function.Function<Manifest, Object> field, String fallback) {
        Object value = manifest == null ? null : field.apply(manifest);
        return value == null ? fallback : value.toString();
    }

    String runId() {
        return results.runId() == null ? path.getFileName().toString() : results.runId();
    }

    /** Per model, in name order: tasks, passed, weighted score and median latency. */
    List<ModelFigures> byModel() {
        Map<String, List<RunResults.Task>> groups = new TreeMap<>();
        results.tasks().forEach(t -> groups.computeIfAbsent(t.model() == null ? "" : t.model(),
                k -> new ArrayList<>()).add(t));
        List<ModelFigures> figures = new ArrayList<>();
        groups.forEach((model, tasks) -> {
            double weighted = 0;
            double weight = 0;
            int passed = 0;
            List<Long> latencies = new ArrayList<>();
            for (RunResults.Task t : tasks) {
                weighted += t.weightedScore();
                weight += t.weight();
                passed += t.passed() ? 1 : 0;
                latencies.add(t.latencyMs());
            }
            latencies.sort(null);
            figures.add(new ModelFigures(model, tasks.size(), passed, weight == 0 ? 0 : weighted / weight,
                    latencies.get((latencies.size() - 1) / 2)));
        });
        return figures;
    }
}
