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
 * Computed in one streaming pass over run.jsonl; only the numbers of each group are held.
 */
final class MetadataWriter {

    private MetadataWriter() {
    }

    static MetadataFile write(Path ledger, Path target, String runId, String configHash) throws IOException {
        Map<String, PhaseFigures> byModel = new TreeMap<>();
        Map<String, Map<String, PhaseFigures>> byPhase = new TreeMap<>();
        FinalScores.forEach(ledger, (score, call) -> {
            var ref = score != null ? score : call;
            String model = ref.path("model").asText();
            byModel.computeIfAbsent(model, k -> new PhaseFigures()).add(score, call);
            byPhase.computeIfAbsent(model, k -> new TreeMap<>())
                    .computeIfAbsent(ref.path("suite").asText(), k -> new PhaseFigures()).add(score, call);
        });
        Map<String, MetadataFile.Figures> models = new LinkedHashMap<>();
        byModel.forEach((model, figures) -> {
            Map<String, MetadataFile.Figures> phases = new LinkedHashMap<>();
            byPhase.get(model).forEach((phase, f) -> phases.put(phase, f.figures(null)));
            models.put(model, figures.figures(phases));
        });
        MetadataFile metadata = new MetadataFile(1, runId, configHash, Instant.now().toString(), MetadataFile.PERCENTILES,
                models);
        Json.PRETTY.writeValue(target.toFile(), metadata);
        return metadata;
    }
}
