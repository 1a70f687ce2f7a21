package org.llmbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.llmbench.config.Constants;
import org.llmbench.record.Manifest;
import org.llmbench.record.ManifestCodec;
import org.llmbench.record.RunFolders;
import org.llmbench.config.TerminalText;
import org.llmbench.report.RunResults;
import org.llmbench.report.RunSummary;
import org.llmbench.model.CallFailure;

/**
 * One benchmark run from the command line: discover with the given parameters (the engine reports bad input as
 * discovery errors), execute (the console listener shows progress), and read back the run folder the engine says it wrote.
 * run, smoke and replay share it.
 */
final class BenchRun {

    /**
     * A finished run: its folder, JUnit's counts, its results.json and manifest.json.
     *
     * @param enginesTotals the weighted total line the engine read from the ledger; null when it ended without one
     */
    record Outcome(Path folder, TestExecutionSummary summary, RunResults results, Manifest manifest, String enginesTotals) {

        /** The run's weighted totals from its ledger: on a resume they include what earlier processes scored. */
        String totalsLine() {
            if (enginesTotals != null) {
                return enginesTotals;
            }
            try {
                return RunSummary.of(folder.resolve(RunFolders.LEDGER)).totalsLine();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** The server the run called, as the manifest recorded it. */
        String url() {
            return manifest.targetUrl();
        }

        /** True when there were calls and every one failed: the server, not the model, is the problem. */
        boolean everyCallFailed() {
            return !results.tasks().isEmpty() && results.tasks().stream().allMatch(RunResults.Task::failed);
        }
    }

    private BenchRun() {
    }

    static Outcome execute(Map<String, String> parameters, PrintWriter out, PrintWriter err, boolean verbose) {
        return execute(new BenchLaunch(parameters), out, err, verbose);
    }

    /** A run through this launch (a re-scoring's has no console listener: it is part of another command's output). */
    static Outcome execute(BenchLaunch launch, PrintWriter out, PrintWriter err, boolean verbose) {
        BenchLaunch.Discovered discovered = launch.discover();
        report(discovered, err, verbose);
        failOnErrors(discovered.issues());
        if (discovered.tests() == 0) {
            throw new CliException(ExitCodes.INPUT, "nothing to run: no question matches the selected models and phases"
                    + " (see `llm-bench list`)");
        }
        AtomicReference<Path> folder = new AtomicReference<>();
        AtomicReference<String> totals = new AtomicReference<>();
        TestExecutionListener folderOfRun = new TestExecutionListener() {
            @Override
            public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
                String path = entry.getKeyValuePairs().get(Constants.RUN_FOLDER_ENTRY);
                if (path != null) {
                    folder.set(Path.of(path));
                }
                String line = entry.getKeyValuePairs().get(Constants.TOTALS_ENTRY);
                if (line != null) {
                    totals.set(line);
                }
            }
        };
        TestExecutionSummary summary = launch.execute(discovered.plan(), folderOfRun);
        if (folder.get() == null) {
            throw new CliException(ExitCodes.INTERNAL, "the engine recorded no run: "
                    + summary.getFailures().stream().map(f -> String.valueOf(f.getException().getMessage())).findFirst()
                    .orElse("no reason given"));
        }
        Path results = folder.get().resolve(RunResults.FILE);
        if (!Files.isRegularFile(results)) {
            throw new CliException(ExitCodes.INTERNAL, "the run did not write " + results);
        }
        try {
            out.println("[llm-bench] run folder: " + folder.get());
            return new Outcome(folder.get(), summary, RunResults.read(results),
                    ManifestCodec.read(folder.get().resolve(RunFolders.MANIFEST)), totals.get());
        } catch (IOException e) {
            throw new CliException(ExitCodes.INTERNAL, "cannot read " + results + ": " + e.getMessage());
        }
    }

    /**
     * A discovery error stops the command before anything runs: exit 4 when the server could not answer
     * (the engine attaches the call's failure as the cause), 3 for everything about the input.
     */
    static void failOnErrors(List<DiscoveryIssue> issues) {
        List<DiscoveryIssue> errors = issues.stream()
                .filter(i -> i.severity().compareTo(DiscoveryIssue.Severity.ERROR) >= 0).toList();
        if (errors.isEmpty()) {
            return;
        }
        boolean server = errors.stream().anyMatch(i -> i.cause().filter(CallFailure.class::isInstance).isPresent());
        throw new CliException(server ? ExitCodes.MODEL : ExitCodes.INPUT, "cannot run:\n  "
                + String.join("\n  ", errors.stream().map(DiscoveryIssue::message).toList()));
    }

    /** Discovery warnings always, info only with --verbose. */
    static void report(BenchLaunch.Discovered discovered, PrintWriter err, boolean verbose) {
        for (DiscoveryIssue issue : discovered.issues()) {
            if (verbose || issue.severity().compareTo(DiscoveryIssue.Severity.WARNING) == 0) {
                err.println("[llm-bench] " + issue.severity().name().toLowerCase(java.util.Locale.ROOT) + ": "
                        + TerminalText.escape(issue.message() + issue.source().map(s -> " (" + s + ")").orElse("")));
            }
        }
    }
}
