package org.llmbench;

import org.llmbench.engine.LlmBench;

/**
 * The entry class that {@code mvn test -Dbench.model=...} runs: the bundled suites under {@code suites/},
 * for the phases of {@code bench.phases}. Copy it to run other suites or phases.
 */
@LlmBench(suites = "suites")
class BundledSuitesBenchmark {
}
