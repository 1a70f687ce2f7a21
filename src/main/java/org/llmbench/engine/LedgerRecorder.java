package org.llmbench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.llmbench.ledger.RunLedger;
import org.llmbench.record.RunEvent;

/**
 * The run's ledger as a recorder: every event becomes a line of {@code run.jsonl}. A phase's figures and the
 * server's model details go through the calls that also keep them for the manifest's end-of-run facts.
 */
final class LedgerRecorder implements RunRecorder {

    private final RunLedger ledger;

    LedgerRecorder(RunLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void record(RunEvent event) {
        if (event instanceof RunEvent.PhaseFigures) {
            ledger.recordPhase(fields(EventFields.of(event)));
        } else if (event instanceof RunEvent.ModelDetails details) {
            ledger.recordModelDetails(fields(details.models()));
        } else {
            ledger.record(event);
        }
    }

    /** The object's fields in order, their values left as JSON (the ledger writes them as they are). */
    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        object.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue()));
        return fields;
    }
}
