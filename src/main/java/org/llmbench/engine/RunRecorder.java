package org.llmbench.engine;

import java.util.ArrayList;
import java.util.List;
import org.llmbench.record.RunEvent;

/**
 * Hears a run as the typed events of its record, each on the thread of the node it belongs to (jqwik's
 * {@code TestRunRecorder} is the model). The engine descriptor opens the run's recorders when the run begins and
 * closes them when it ends: the ledger ({@link LedgerRecorder}), the reporting entries JUnit tools keep
 * ({@link ReportEntryRecorder}) and Allure's attachments ({@link AllureRun}).
 */
interface RunRecorder extends AutoCloseable {

    /** Hears nothing: the context before a run is opened, and a selection that records no run. */
    RunRecorder NONE = event -> { };

    void record(RunEvent event);

    /** The run has ended: nothing more is recorded. */
    @Override
    default void close() {
    }

    /** The recorders as one, each hearing every event in the order given; closed in the reverse order. */
    static RunRecorder all(List<RunRecorder> recorders) {
        List<RunRecorder> all = List.copyOf(recorders);
        return new RunRecorder() {
            @Override
            public void record(RunEvent event) {
                all.forEach(r -> r.record(event));
            }

            @Override
            public void close() {
                List<RunRecorder> reversed = new ArrayList<>(all);
                java.util.Collections.reverse(reversed);
                reversed.forEach(RunRecorder::close);
            }
        };
    }
}
