package org.llmbench.engine;

import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;
import org.llmbench.config.BenchConfig;
import org.llmbench.model.ModelClient;
import org.llmbench.scoring.QuestionScorer;

/**
 * What every node needs while executing, handed from parent to child: the run's settings, the model client, the
 * scorer, the listener, the console, and what the engine descriptor opens for the run: its ledger (asked which
 * tests an earlier process already scored; {@code null} above it), its {@link Recording}, which turns what a node
 * did into the run's events for its recorders, and Allure's run. A phase container adds what its items share: a parallel phase its lane meter, the
 * whole-suite phase its one answer. Nothing else passes state down the tree.
 */
record BenchExecutionContext(BenchConfig config, ModelClient client, QuestionScorer scorer,
                             EngineExecutionListener listener, BenchConsole console, RunLedger ledger,
                             Recording recording, AllureRun allure,
                             LaneMeter lanes, WholeSuiteAnswer wholeSuite) implements EngineExecutionContext {

    /** The context the engine starts with: no run opened yet, no phase. */
    BenchExecutionContext(BenchConfig config, ModelClient client, QuestionScorer scorer, EngineExecutionListener listener,
                          BenchConsole console) {
        this(config, client, scorer, listener, console, null, Recording.NONE, AllureRun.NONE, null, null);
    }

    /** The same context with another client (a lane's metered client, for instance). */
    BenchExecutionContext withClient(ModelClient other) {
        return new BenchExecutionContext(config, other, scorer, listener, console, ledger, recording, allure, lanes, wholeSuite);
    }

    /** The same context recording the run that the engine descriptor opened. */
    BenchExecutionContext withRun(RunLedger runLedger, Recording runRecording, AllureRun allureRun) {
        return new BenchExecutionContext(config, client, scorer, listener, console, runLedger, runRecording, allureRun, lanes,
                wholeSuite);
    }

    /** The context of a parallel phase's items: their calls go through the phase's meter. */
    BenchExecutionContext withLanes(LaneMeter meter) {
        return new BenchExecutionContext(config, client, scorer, listener, console, ledger, recording, allure, meter, wholeSuite);
    }

    /** The context of the whole-suite phase's items: each scores its part of the phase's one answer. */
    BenchExecutionContext withWholeSuite(WholeSuiteAnswer answer) {
        return new BenchExecutionContext(config, client, scorer, listener, console, ledger, recording, allure, lanes, answer);
    }
}
