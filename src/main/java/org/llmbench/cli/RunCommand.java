package org.llmbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.llmbench.config.BenchKeys;
import org.llmbench.report.BaselineProblem;
import org.llmbench.report.GateSettings;
import org.llmbench.report.QualityGate;
import org.llmbench.report.RegressionGate;
import org.llmbench.report.RunResults;
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
        Map<String, String> parameters = bench.parameters();
        // `--out results.json` (the single-file harness's form) names the results file, not a folder.
        Path resultsFile = resultsFile(parameters.get(BenchKeys.OUT.name()));
        if (resultsFile != null) {
            // The run folder goes where it would go without --out (-D bench.out=..., else the default).
            parameters.remove(BenchKeys.OUT.name());
            String folder = bench.extra.get(BenchKeys.OUT.name());
            if (folder != null && resultsFile(folder) == null) {
                parameters.put(BenchKeys.OUT.name(), folder);
            }
        }
        BenchRun.Outcome outcome = BenchRun.execute(parameters, out, err, bench.verbose);
        if (resultsFile != null) {
            if (resultsFile.toAbsolutePath().getParent() != null) {
                Files.createDirectories(resultsFile.toAbsolutePath().getParent());
            }
            Files.copy(outcome.folder().resolve(RunResults.FILE), resultsFile, StandardCopyOption.REPLACE_EXISTING);
            out.println("[llm-bench] results: " + resultsFile + " (run folder: " + outcome.folder() + ")");
        }
        // The run's totals, from its ledger: on a resume they include what earlier processes scored.
        RunResults.Summary summary = outcome.results().summary();
        int scored = summary.tasks();
        int passed = summary.passed();
        out.printf(Locale.ROOT, "[llm-bench] %d scored: %d passed, %d below their pass mark; %s%s%n",
                scored, passed, scored - passed, outcome.totalsLine(), outcome.summary().getTestsSkippedCount() == 0 ? ""
                        : String.format(Locale.ROOT, " (%d skipped in this process)", outcome.summary().getTestsSkippedCount()));
        if (outcome.everyCallFailed()) {
            err.println("[llm-bench] every model call failed: is the server at " + outcome.url() + " running? "
                    + "(see run.jsonl for each error)");
            return ExitCodes.MODEL;
        }
        // The gate's minimum is the run's own setting, as the engine resolved and recorded it.
        String min = outcome.manifest().settingValues().get(BenchKeys.MIN_SCORE.name());
        if (min != null && !min.isBlank()) {
            Optional<String> failed = QualityGate.verdict(outcome.folder(), Double.parseDouble(min), out::println);
            if (failed.isPresent()) {
                err.println("[llm-bench] " + failed.get());
                return ExitCodes.FINDINGS;
            }
        }
        return regressionGate(outcome, err);
    }

    /**
     * The regression gate against the baseline the run recorded (the engine has shown its lines): exit 1 on a real
     * drop, 3 when the runs cannot be paired.
     */
    private static int regressionGate(BenchRun.Outcome outcome, java.io.PrintWriter err) throws IOException {
        GateSettings settings = GateSettings.of(outcome.manifest().settingValues());
        // A shard is a part of a run: its merge is held to the baseline (report merge), never the part.
        if (settings == null || outcome.manifest().shard() != null) {
            return ExitCodes.OK;
        }
        try {
            Optional<String> failed = RegressionGate.judge(outcome.folder(), settings).failure();
            if (failed.isPresent()) {
                err.println("[llm-bench] " + failed.get());
                return ExitCodes.FINDINGS;
            }
            return ExitCodes.OK;
        } catch (BaselineProblem refused) {
            throw new CliException(ExitCodes.INPUT, "the run cannot be paired with its baseline:\n  - "
                    + String.join("\n  - ", refused.reasons()));
        }
    }

    /** The results file an --out ending in .json names, or null when --out is a folder (or not given). */
    static Path resultsFile(String out) {
        if (out == null || !out.trim().toLowerCase(Locale.ROOT).endsWith(".json") || Files.isDirectory(Path.of(out.trim()))) {
            return null;
        }
        return Path.of(out.trim());
    }
}
