package org.llmbench.ledger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.llmbench.config.BenchConfig;

/**
 * The files written at the end of a run, in the order they depend on each other: metadata.json, the
 * leaderboard entry (which yields the percentile rank), results.json, then report.md and report.html, which read them.
 */
final class RunReports {

    private RunReports() {
    }

    static Map<String, Leaderboard.Rank> write(RunLedger ledger, BenchConfig config, RunSummary summary) throws IOException {
        Path folder = ledger.folder();
        MetadataWriter.write(ledger.ledgerFile(), folder.resolve(MetadataWriter.FILE), ledger.runId(), config.hash());
        Map<String, Leaderboard.Rank> ranks = Map.of();
        if (summary.scored() == 0 || summary.everyCallFailed()) {
            // A run that reached no model measured nothing about one; ranking it would drag real runs down.
            System.out.println("[llm-bench] not added to the leaderboard: " + (summary.scored() == 0
                    ? "no question was scored" : "every model call failed"));
        } else {
            try {
                ranks = Leaderboard.append(config.out().resolve(Leaderboard.FILE), Leaderboard.entries(folder));
            } catch (IOException | RuntimeException e) {
                // The leaderboard is shared by runs; a problem there must not cost this run its results.
                System.err.println("[llm-bench] could not update the leaderboard: " + e);
            }
        }
        ResultsWriter.write(ledger.ledgerFile(), folder.resolve("results.json"), ledger.runId(), config.hash(), ranks);
        MarkdownReport.write(folder, ledger.ledgerFile());
        HtmlReport.write(java.util.List.of(folder), folder.resolve(HtmlReport.FILE));
        return ranks;
    }
}
