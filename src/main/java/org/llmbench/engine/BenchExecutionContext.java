package org.llmbench.engine;

import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;
import org.llmbench.config.BenchConfig;
import org.llmbench.model.ModelClient;
import org.llmbench.scoring.QuestionScorer;
import org.llmbench.ledger.RunLedger;

/**
 * What every node needs while executing: the run's settings, the model client, the scorer, the listener, and the
 * run's ledger ({@code null} only above the engine descriptor, which opens it).
 */
record BenchExecutionContext(BenchConfig config, ModelClient client, QuestionScorer scorer,
                             EngineExecutionListener listener, RunLedger ledger) implements EngineExecutionContext {

    /** The same context with another client (a lane's metered client, for instance). */
    BenchExecutionContext withClient(ModelClient other) {
        return new BenchExecutionContext(config, other, scorer, listener, ledger);
    }

    /** The same context recording into the run's ledger. */
    BenchExecutionContext withLedger(RunLedger runLedger) {
        return new BenchExecutionContext(config, client, scorer, listener, runLedger);
    }
}
