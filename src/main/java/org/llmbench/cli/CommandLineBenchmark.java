package org.llmbench.cli;

import org.llmbench.engine.LlmBench;

/**
 * The entry class the command line selects: no suites or phases of its own, so the engine takes both from its
 * settings ({@code bench.suites}, {@code bench.phases}) and its models too ({@code auto} expanded), exactly as
 * for a Maven run of an entry class. The CLI never reads the configuration itself.
 */
@LlmBench(suites = {})
final class CommandLineBenchmark {

    private CommandLineBenchmark() {
    }
}
