package org.llmbench.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;
import org.llmbench.json.Json;

/**
 * Publishes what a phase measured as a whole: a {@code phase_figures} ledger event (kept for the manifest too)
 * and a reporting entry on the phase's container, so every JUnit report and EngineTestKit see the same figures.
 */
final class PhaseRecorder {

    /** The reporting-entry key under which the figures are published, as JSON. */
    static final String ENTRY_KEY = "phase_figures";

    private PhaseRecorder() {
    }

    static void publish(TestDescriptor phase, BenchExecutionContext context, String suiteId, String model,
                        String runMode, Map<String, Object> figures) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("phase", suiteId);
        all.put("model", model);
        all.put("run_mode", runMode);
        all.put("test_id", phase.getUniqueId().toString());
        all.putAll(figures);
        context.ledger().recordPhase(all);
        context.listener().reportingEntryPublished(phase, ReportEntry.from(ENTRY_KEY, Json.MAPPER.valueToTree(all).toString()));
    }
}
