package org.llmbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.llmbench.config.Constants;
import org.llmbench.ledger.QualityGate;
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
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        BenchRun.Outcome outcome = BenchRun.execute(bench.parameters(), out, err, bench.verbose);
        // The run's totals, from its ledger: on a resume they include what earlier processes scored.
        var summary = outcome.results().path("summary");
        int scored = summary.path("tasks").asInt();
        int passed = summary.path("passed").asInt();
        out.printf(Locale.ROOT, "[llm-bench] %d scored: %d passed, %d below their pass mark; weighted total %.2f%s%n",
                scored, passed, scored - passed, outcome.scorePercent(), outcome.summary().getTestsSkippedCount() == 0 ? ""
                        : String.format(Locale.ROOT, " (%d skipped in this process)", outcome.summary().getTestsSkippedCount()));
        if (outcome.everyCallFailed()) {
            err.println("[llm-bench] every model call failed: is the server at " + outcome.url() + " running? "
                    + "(see run.jsonl for each error)");
            return ExitCodes.MODEL;
        }
        // The gate's minimum is the run's own setting, as the engine resolved and recorded it.
        JsonNode min = outcome.manifest().path("effective_config").path(Constants.MIN_SCORE).path("value");
        if (min.isTextual() && !min.asText().isBlank()) {
            Optional<String> failed = QualityGate.verdict(outcome.folder(), Double.parseDouble(min.asText()));
            if (failed.isPresent()) {
                err.println("[llm-bench] " + failed.get());
                return ExitCodes.FINDINGS;
            }
        }
        return ExitCodes.OK;
    }
}
