package org.llmbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.llmbench.json.Json;
import org.llmbench.record.RunFolders;

/**
 * check-submission's view of memory and energy: results.json's {@code models[].footprint} must be what the ledger's
 * {@code footprint} lines and scores give ({@link Footprints}), field for field; nothing a contributor edited by hand
 * in results.json is trusted. A folder whose files cannot be read gives nothing here (the schema check names them).
 */
public final class FootprintAudit {

    private FootprintAudit() {
    }

    /** Where results.json's footprints differ from the ledger's, one message each; empty when they agree. */
    public static List<String> mismatches(Path folder) {
        Path ledger = folder.resolve(RunFolders.LEDGER);
        Path results = folder.resolve(ResultsWriter.FILE);
        List<String> out = new ArrayList<>();
        if (!Files.isRegularFile(ledger) || !Files.isRegularFile(results)) {
            return out;
        }
        try {
            RunSummary summary = RunSummary.of(ledger);
            JsonNode models = Json.MAPPER.readTree(results.toFile()).path("models");
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < models.size(); i++) {
                String model = models.get(i).path("model").asText();
                seen.add(model);
                Footprints.ModelFootprint derived = summary.footprint(model);
                JsonNode written = models.get(i).get("footprint");
                String where = "models[" + i + "].footprint";
                if (derived == null) {
                    if (written != null && !written.isNull()) {
                        out.add(where + ": results.json has a footprint for " + model + " but run.jsonl has no footprint line for it");
                    }
                } else if (written == null || written.isNull()) {
                    out.add(where + ": missing, but run.jsonl has footprint lines for " + model);
                } else {
                    compare(where, Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(derived)), written, out);
                }
            }
            summary.footprints().models().stream().filter(m -> !seen.contains(m)).forEach(m ->
                    out.add("models: run.jsonl has footprint lines for " + m + ", which results.json does not list"));
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    private static void compare(String where, JsonNode derived, JsonNode written, List<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = derived.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode w = written.path(e.getKey());
            boolean same = e.getValue().isNumber() && w.isNumber()
                    ? e.getValue().decimalValue().compareTo(w.decimalValue()) == 0
                    : e.getValue().equals(w.isMissingNode() ? Json.MAPPER.nullNode() : w);
            if (!same) {
                out.add(where + "." + e.getKey() + ": results.json says " + w + ", the ledger gives " + e.getValue());
            }
        }
    }
}
