package org.llmbench.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code run}: the benchmark, as {@code mvn test -Dbench.model=...} runs it. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the benchmark: the selected phases for every model, writing the run folder "
                + "(run.jsonl, manifest.json, hardware.json, results.json, run.md).",
                "A question below its pass mark is a failed test, not a failed command; --min-score gates."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    BenchOptions bench = new BenchOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        BenchRun.Outcome outcome = BenchRun.execute(bench.parameters(), out, err, bench.verbose);
        out.printf(Locale.ROOT, "[llm-bench] %d tests: %d passed, %d failed, %d skipped; weighted total %.2f%n",
                outcome.summary().getTestsFoundCount(), outcome.summary().getTestsSucceededCount(),
                outcome.summary().getTestsFailedCount(), outcome.summary().getTestsSkippedCount(), outcome.scorePercent());
        if (outcome.everyCallFailed()) {
            err.println("[llm-bench] every model call failed: is the server at " + outcome.config().url() + " running? "
                    + "(see run.jsonl for each error)");
            return ExitCodes.MODEL;
        }
        Double min = outcome.config().minScore();
        if (min != null && outcome.scorePercent() < min) {
            err.printf(Locale.ROOT, "[llm-bench] quality gate: weighted total %.2f is below --min-score %.2f%n",
                    outcome.scorePercent(), min);
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }
}
