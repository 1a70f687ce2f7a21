package org.llmbench.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.llmbench.json.Json;

/**
 * Each model's memory and energy in a run, as metadata.json's {@code models.<model>.footprint} gives them (issue 30's
 * format, /work in docs/CATALOGUE.md). Read from metadata.json until the ledger's reader of footprint lines
 * ({@code report.Footprints}) is on main; then it takes this class's place. A run without the figures has none.
 */
final class RunFootprints {

    private static final double GB = 1e9;

    private RunFootprints() {
    }

    static Map<String, CatalogueRow.Footprint> read(Path runFolder) throws IOException {
        Map<String, CatalogueRow.Footprint> out = new HashMap<>();
        Path metadata = runFolder.resolve("metadata.json");
        if (!Files.isRegularFile(metadata)) {
            return out;
        }
        JsonNode models = Json.MAPPER.readTree(metadata.toFile()).path("models");
        models.fields().forEachRemaining(e -> {
            JsonNode f = e.getValue().path("footprint");
            if (f.isObject()) {
                out.put(e.getKey(), new CatalogueRow.Footprint(gb(f.path("memory_peak_bytes")), gb(f.path("vram_peak_bytes")),
                        text(f.path("memory_source")), number(f.path("joules_per_question")),
                        number(f.path("tokens_per_joule")), text(f.path("energy_source"))));
            }
        });
        return out;
    }

    private static Double gb(JsonNode bytes) {
        return bytes.isNumber() && bytes.asDouble() > 0 ? Math.round(bytes.asDouble() / GB * 100) / 100.0 : null;
    }

    private static Double number(JsonNode value) {
        return value.isNumber() && Double.isFinite(value.asDouble()) ? value.asDouble() : null;
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : null;
    }
}
