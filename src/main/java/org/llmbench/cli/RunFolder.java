package org.llmbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.llmbench.json.Json;
import org.llmbench.record.Manifest;
import org.llmbench.record.ManifestCodec;
import org.llmbench.record.RunFolders;

/**
 * A finished run folder as the reports read it: its manifest (null when it has none) and results, and per-model
 * figures.
 */
record RunFolder(Path path, Manifest manifest, JsonNode results) {

    /** Figures of one model in a run. */
    record ModelFigures(String model, int tasks, int passed, double scorePercent, long latencyP50Ms) {
    }

    /** Reads a folder; it must hold results.json (a run that finished). */
    static RunFolder read(Path folder) {
        Path results = folder.resolve("results.json");
        if (!Files.isRegularFile(results)) {
            throw new CliException(ExitCodes.INPUT, folder + ": not a finished run folder (no results.json)");
        }
        try {
            Path manifest = folder.resolve(RunFolders.MANIFEST);
            return new RunFolder(folder, Files.isRegularFile(manifest) ? ManifestCodec.read(manifest) : null,
                    Json.MAPPER.readTree(results.toFile()));
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
                    && Files.isRegularFile(p.resolve("results.json"))).sorted().toList()) {
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
        return results.path("run_id").asText(path.getFileName().toString());
    }

    /** Per model, in name order: tasks, passed, weighted score and median latency. */
    List<ModelFigures> byModel() {
        Map<String, List<JsonNode>> groups = new TreeMap<>();
        results.path("tasks").forEach(t -> groups.computeIfAbsent(t.path("model").asText(), k -> new ArrayList<>()).add(t));
        List<ModelFigures> figures = new ArrayList<>();
        groups.forEach((model, tasks) -> {
            double weighted = 0;
            double weight = 0;
            int passed = 0;
            List<Long> latencies = new ArrayList<>();
            for (JsonNode t : tasks) {
                weighted += t.path("weighted_score").asDouble();
                weight += t.path("weight").asDouble();
                passed += t.path("passed").asBoolean() ? 1 : 0;
                latencies.add(t.path("latency_ms").asLong());
            }
            latencies.sort(null);
            figures.add(new ModelFigures(model, tasks.size(), passed, weight == 0 ? 0 : weighted / weight,
                    latencies.get((latencies.size() - 1) / 2)));
        });
        return figures;
    }
}
