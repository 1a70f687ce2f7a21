package org.llmbench.engine;

import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;
import org.llmbench.config.BenchConfig;
import org.llmbench.model.ModelClient;
import org.llmbench.scoring.QuestionScorer;

/** What every node needs while executing: the configuration, the model client, the scorer and the listener. */
record BenchExecutionContext(BenchConfig config, ModelClient client, QuestionScorer scorer,
                             EngineExecutionListener listener) implements EngineExecutionContext {

    /** The same context with another client (a lane's metered client, for instance). */
    BenchExecutionContext withClient(ModelClient other) {
        return new BenchExecutionContext(config, other, scorer, listener);
    }
}
