package org.llmbench.engine;

import org.junit.platform.engine.TestDescriptor;
import org.llmbench.record.PhaseMeasures;
import org.llmbench.record.RunEvent;

/**
 * What a phase measured as a whole, in one shape: the event the run records ({@code phase_figures}, which the
 * manifest keeps too) and, from it, the reporting entry on the phase's container, so every JUnit report and
 * EngineTestKit see the same figures.
 */
final class PhaseRecorder {

    /** The reporting-entry key under which the figures are published, as JSON. */
    static final String ENTRY_KEY = "phase_figures";

    private PhaseRecorder() {
    }

    static void publish(TestDescriptor phase, BenchExecutionContext context, String suiteId, String model,
                        String runMode, PhaseMeasures figures) {
        context.recording().phase(suiteId, model, runMode, phase.getUniqueId().toString(), figures);
    }

    /** The reporting entry's value: the event's fields (phase, model, run mode, container id, figures) as one JSON object. */
    static String entryJson(RunEvent.PhaseFigures event) {
        return EventFields.of(event).toString();
    }
}
