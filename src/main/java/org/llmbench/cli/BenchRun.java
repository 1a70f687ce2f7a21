package org.llmbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.Constants;
import org.llmbench.ledger.RunFolders;

/**
 * One benchmark run from the command line: check the configuration, discover, execute with a progress line,
 * and read back the run folder the ledger wrote. run, smoke and replay share it.
 */
final class BenchRun {

    /** A finished run: where its folder is, JUnit's counts, and its results.json. */
    record Outcome(Path folder, BenchConfig config, TestExecutionSummary summary, JsonNode results) {

        double scorePercent() {
            return results.path("summary").path("score_percent").asDouble();
        }

        /** True when there were calls and every one failed: the server, not the model, is the problem. */
        boolean everyCallFailed() {
            JsonNode tasks = results.path("tasks");
            if (tasks.isEmpty()) {
                return false;
            }
            for (JsonNode task : tasks) {
                if (!task.hasNonNull("error_kind")) {
                    return false;
                }
            }
            return true;
        }
    }

    private BenchRun() {
    }

    static Outcome execute(Map<String, String> given, PrintWriter out, PrintWriter err, boolean verbose) {
        Map<String, String> parameters = new LinkedHashMap<>(given);
        // The CLI names the run itself so it knows the folder; a new id is a new run, as without the flag.
        parameters.putIfAbsent(Constants.RUN_ID, UUID.randomUUID().toString());
        BenchConfig config = BenchLaunch.requireUsableConfig(parameters);
        BenchLaunch launch = new BenchLaunch(parameters, config.models());
        BenchLaunch.Discovered discovered = launch.discover();
        report(discovered, err, verbose);
        if (discovered.tests() == 0) {
            throw new CliException(ExitCodes.INPUT, "nothing to run: no question matches models " + config.models()
                    + " and phases " + config.phases() + " (see `llm-bench list`)");
        }
        TestExecutionSummary summary = launch.execute(discovered.plan(), ProgressListener.forTerminal());
        Path folder = RunFolders.folder(config, config.runId());
        Path results = folder.resolve("results.json");
        if (!Files.isRegularFile(results)) {
            throw new CliException(ExitCodes.INTERNAL, "the run did not write " + results);
        }
        try {
            JsonNode node = new ObjectMapper().readTree(results.toFile());
            out.println("[llm-bench] run folder: " + folder);
            return new Outcome(folder, config, summary, node);
        } catch (IOException e) {
            throw new CliException(ExitCodes.INTERNAL, "cannot read " + results + ": " + e.getMessage());
        }
    }

    /** Discovery warnings always, info only with --verbose. */
    static void report(BenchLaunch.Discovered discovered, PrintWriter err, boolean verbose) {
        for (DiscoveryIssue issue : discovered.issues()) {
            if (verbose || issue.severity().compareTo(DiscoveryIssue.Severity.WARNING) >= 0) {
                err.println("[llm-bench] " + issue.severity().name().toLowerCase(java.util.Locale.ROOT) + ": "
                        + issue.message() + issue.source().map(s -> " (" + s + ")").orElse(""));
            }
        }
    }
}
