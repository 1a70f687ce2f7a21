package org.llmbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.llmbench.json.Json;

/**
 * Writes metadata.json at the end of a run: per model and per model and phase, the score, pass count,
 * latency / time-to-first-token / time-per-output-token percentiles, tokens per second and errors by kind.
 * Computed in one pass over the ledger's final outcomes ({@link FinalScores}); only the numbers of each group are held.
 */
final class MetadataWriter {

    private MetadataWriter() {
    }

    static MetadataFile write(FinalScores scores, Path target, String runId, String configHash) throws IOException {
        return write(scores, target, runId, configHash, new Footprints());
    }

    /** With each model's memory and energy ({@code models.M.footprint}) where the ledger has them. */
    static MetadataFile write(FinalScores scores, Path target, String runId, String configHash, Footprints footprints)
            throws IOException {
        Map<String, PhaseFigures> byModel = new TreeMap<>();
        Map<String, Map<String, PhaseFigures>> byPhase = new TreeMap<>();
        scores.forEach(outcome -> {
            String model = outcome.ref().model();
            byModel.computeIfAbsent(model, k -> new PhaseFigures()).add(outcome);
            byPhase.computeIfAbsent(model, k -> new TreeMap<>())
                    .computeIfAbsent(outcome.ref().suite(), k -> new PhaseFigures()).add(outcome);
        });
        Map<String, MetadataFile.Figures> models = new LinkedHashMap<>();
        byModel.forEach((model, figures) -> {
            Map<String, MetadataFile.Figures> phases = new LinkedHashMap<>();
            byPhase.get(model).forEach((phase, f) -> phases.put(phase, f.figures(null)));
            MetadataFile.Figures all = figures.figures(phases);
            models.put(model, all.with(footprints.of(model, all.tests(), all.passed())));
        });
        MetadataFile metadata = new MetadataFile(1, runId, configHash, Instant.now().toString(), MetadataFile.PERCENTILES,
                models);
        Json.PRETTY.writeValue(target.toFile(), metadata);
        return metadata;
    }
}
