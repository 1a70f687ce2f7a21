package org.llmbench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EventType;

/** Reads the phase figures an engine run published as reporting entries. */
final class PhaseEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PhaseEvents() {
    }

    static List<JsonNode> figures(EngineExecutionResults results) {
        return results.allEvents().stream()
                .filter(e -> e.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get(PhaseRecorder.ENTRY_KEY))
                .filter(v -> v != null)
                .map(PhaseEvents::parse)
                .toList();
    }

    static JsonNode of(EngineExecutionResults results, String phase) {
        return figures(results).stream().filter(f -> f.path("phase").asText().equals(phase)).findFirst()
                .orElseThrow(() -> new AssertionError("no phase_figures for " + phase));
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
