package org.llmbench.engine;

import java.util.LinkedHashMap;
import org.llmbench.json.Json;
import org.llmbench.ledger.RunLedger;
import org.llmbench.record.RecordCodec;
import org.llmbench.record.RunEvent;

/**
 * The run's ledger as a recorder: every event becomes a line of {@code run.jsonl}, through the ledger's own API
 * (it stamps each line itself, so the event's fields after its stamp are what it is given). A phase's figures and
 * the server's model details go through the calls that also keep them for the manifest.
 */
final class LedgerRecorder implements RunRecorder {

    private final RunLedger ledger;

    LedgerRecorder(RunLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void record(RunEvent event) {
        if (event instanceof RunEvent.PhaseFigures) {
            ledger.recordPhase(Json.MAPPER.convertValue(EventFields.of(event), LinkedHashMap.class));
        } else if (event instanceof RunEvent.ModelDetails details) {
            ledger.recordModelDetails(Json.MAPPER.convertValue(details.models(), LinkedHashMap.class));
        } else {
            ledger.record(RecordCodec.name(event), Json.MAPPER.convertValue(EventFields.of(event), LinkedHashMap.class));
        }
    }
}
