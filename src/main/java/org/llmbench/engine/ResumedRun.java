package org.llmbench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.BenchKeys;
import org.llmbench.record.RunFolders;

/**
 * A {@code bench.runId} resumes a run that exists; a mistyped one must not silently start a new run, so it is a
 * discovery error that says where it looked and which runs are there.
 */
final class ResumedRun {

    private ResumedRun() {
    }

    static boolean exists(BenchConfig config, DiscoveryIssueReporter issues) {
        if (config.runId() == null) {
            return true;
        }
        Path folder = RunFolders.folder(config.out(), config.handle(), config.device(), config.runId());
        if (Files.isRegularFile(folder.resolve(RunFolders.LEDGER))) {
            return true;
        }
        Path parent = folder.toAbsolutePath().getParent();
        issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.ERROR, BenchKeys.RUN_ID.name() + "=" + config.runId()
                + ": no run folder " + folder + " (looked in " + parent + "; runs there: " + runsIn(parent)
                + "). Leave " + BenchKeys.RUN_ID.name() + " unset to start a new run."));
        return false;
    }

    private static String runsIn(Path parent) {
        if (!Files.isDirectory(parent)) {
            return "none, the folder does not exist";
        }
        try (Stream<Path> list = Files.list(parent)) {
            List<String> runs = list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("run-"))
                    .sorted().limit(20).toList();
            return runs.isEmpty() ? "none" : String.join(", ", runs);
        } catch (IOException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }
}
