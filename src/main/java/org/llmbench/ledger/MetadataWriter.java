package org.llmbench.ledger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes metadata.json at the end of a run: per model and per model and phase, the score, pass count,
 * latency / time-to-first-token / time-per-output-token percentiles, tokens per second and errors by kind.
 * Computed in one streaming pass over run.jsonl; only the numbers of each group are held.
 */
final class MetadataWriter {

    /** The file name in the run folder. */
    static final String FILE = "metadata.json";

    private MetadataWriter() {
    }

    static ObjectNode write(Path ledger, Path target, String runId, String configHash) throws IOException {
        Map<String, PhaseFigures> byModel = new TreeMap<>();
        Map<String, Map<String, PhaseFigures>> byPhase = new TreeMap<>();
        FinalScores.forEach(ledger, (score, call) -> {
            var ref = score != null ? score : call;
            String model = ref.path("model").asText();
            byModel.computeIfAbsent(model, k -> new PhaseFigures()).add(score, call);
            byPhase.computeIfAbsent(model, k -> new TreeMap<>())
                    .computeIfAbsent(ref.path("suite").asText(), k -> new PhaseFigures()).add(score, call);
        });
        ObjectNode root = JsonSupport.MAPPER.createObjectNode();
        root.put("schema_version", 1);
        root.put("run_id", runId);
        root.put("config_hash", configHash);
        root.put("written_at", Instant.now().toString());
        root.put("percentiles", "linear interpolation between closest ranks (numpy default); times in ms");
        ObjectNode models = root.putObject("models");
        byModel.forEach((model, figures) -> {
            ObjectNode m = figures.toJson();
            ObjectNode phases = m.putObject("phases");
            byPhase.get(model).forEach((phase, f) -> phases.set(phase, f.toJson()));
            models.set(model, m);
        });
        JsonSupport.MAPPER.writeValue(target.toFile(), root);
        return root;
    }
}
