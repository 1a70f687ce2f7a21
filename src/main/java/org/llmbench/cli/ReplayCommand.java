package org.llmbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.llmbench.config.BenchKeys;
import org.llmbench.config.TerminalText;
import org.llmbench.report.RunComparison;
import org.llmbench.report.RunResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code replay}: re-score a saved run with today's scorers, calling no model: the engine's replay provider
 * answers every question from the ledger, a new run folder is written, and the per-question changes are printed.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Re-score a saved run (its folder or run.jsonl) with today's scorers, without calling any model.")
final class ReplayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", description = "A run folder or its run.jsonl.")
    Path run;

    @Mixin
    BenchOptions bench = new BenchOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path ledger = Files.isDirectory(run) ? run.resolve("run.jsonl") : run;
        if (!Files.isRegularFile(ledger)) {
            throw new CliException(ExitCodes.INPUT, ledger + ": no such ledger");
        }
        PrintWriter out = spec.commandLine().getOut();
        return throughEngine(ledger, out);
    }

    /** The engine's replay provider answers every question from the ledger; the run is a normal one. */
    private int throughEngine(Path ledger, PrintWriter out) throws IOException {
        // Models, phases, seed and every other setting come from the replayed run (the engine reads its manifest).
        Map<String, String> parameters = new LinkedHashMap<>(bench.parameters());
        parameters.put(BenchKeys.PROVIDER.name(), "replay");
        parameters.put(BenchKeys.REPLAY.name(), ledger.toString());
        BenchRun.Outcome outcome = BenchRun.execute(parameters, out, spec.commandLine().getErr(), bench.verbose);
        RunComparison changes = RunComparison.of(ledger, outcome.folder());
        if (bench.verbose || changes.rows().stream().anyMatch(r -> r.scoreDelta() != 0)) {
            out.print(TerminalText.escapeKeepingLines(changes.table()));
        }
        Map<String, Double> old = new LinkedHashMap<>();
        if (Files.isRegularFile(ledger.resolveSibling(RunResults.FILE))) {
            RunFolder.read(ledger.getParent()).byModel().forEach(f -> old.put(f.model(), f.scorePercent()));
        }
        out.printf(Locale.ROOT, "%d tests re-scored from %s, %d changed, %d not replayable%n",
                changes.rows().size(), ledger, changes.rows().stream().filter(r -> r.scoreDelta() != 0).count(),
                outcome.results().summary().notReplayable());
        for (RunFolder.ModelFigures f : RunFolder.read(outcome.folder()).byModel()) {
            Double was = old.get(f.model());
            out.printf(Locale.ROOT, "  %s: weighted total %s -> %.2f%n", f.model(),
                    was == null ? "-" : String.format(Locale.ROOT, "%.2f", was), f.scorePercent());
        }
        return ExitCodes.OK;
    }
}
