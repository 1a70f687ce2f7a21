package org.llmbench.engine;

import org.llmbench.record.RunEvent;

/**
 * The run's ledger as a recorder: every event becomes a line of {@code run.jsonl} (the ledger keeps a phase's figures
 * and the server's model details for the manifest's end-of-run facts too).
 */
final class LedgerRecorder implements RunRecorder {

    private final RunLedger ledger;

    LedgerRecorder(RunLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void record(RunEvent event) {
        ledger.record(event);
    }
}
