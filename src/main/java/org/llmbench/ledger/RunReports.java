package org.llmbench.ledger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.llmbench.config.BenchConfig;

/**
 * The files written at the end of a run, in the order they depend on each other: metadata.json, the
 * leaderboard entry (which yields the percentile rank), results.json, then report.md and report.html, which read them.
 */
public final class RunReports {

    private RunReports() {
    }

    static Map<String, Leaderboard.Rank> write(RunLedger ledger, BenchConfig config, RunSummary summary) throws IOException {
        return write(ledger, config, summary, true);
    }

    /** @param wholeRun false for a shard: a part of a run is no run to rank (its merge is) */
    static Map<String, Leaderboard.Rank> write(RunLedger ledger, BenchConfig config, RunSummary summary, boolean wholeRun)
            throws IOException {
        return write(ledger.folder(), ledger.ledgerFile(), ledger.runId(), config.hash(), summary,
                wholeRun ? config.out().resolve(Leaderboard.FILE) : null, "a shard is a part of a run; its merge is the run");
    }

    /**
     * The files of a run folder from its ledger; {@code leaderboard} is the board to add the run to, or null for
     * none (a shard, or a merge not asked to), then {@code notRanked} says why.
     */
    public static Map<String, Leaderboard.Rank> write(Path folder, Path ledgerFile, String runId, String configHash,
                                               RunSummary summary, Path leaderboard, String notRanked) throws IOException {
        MetadataWriter.write(ledgerFile, folder.resolve(MetadataWriter.FILE), runId, configHash);
        Map<String, Leaderboard.Rank> ranks = Map.of();
        if (leaderboard == null) {
            System.out.println("[llm-bench] not added to the leaderboard: " + notRanked);
        } else if (summary.scored() == 0 || summary.everyCallFailed()) {
            // A run that reached no model measured nothing about one; ranking it would drag real runs down.
            System.out.println("[llm-bench] not added to the leaderboard: " + (summary.scored() == 0
                    ? "no question was scored" : "every model call failed"));
        } else {
            try {
                ranks = Leaderboard.append(leaderboard, Leaderboard.entries(folder));
            } catch (IOException | RuntimeException e) {
                // The leaderboard is shared by runs; a problem there must not cost this run its results.
                System.err.println("[llm-bench] could not update the leaderboard: " + e);
            }
        }
        ResultsWriter.write(ledgerFile, folder.resolve("results.json"), runId, configHash, ranks);
        MarkdownReport.write(folder, ledgerFile);
        HtmlReport.write(java.util.List.of(folder), folder.resolve(HtmlReport.FILE));
        return ranks;
    }

    /** Drafts run.md for a run folder whose other files are written (a merge's). */
    public static void writeNotes(Path folder, PlannedRun plan, long durationMs) throws IOException {
        RunNotesWriter.write(folder, plan, durationMs);
    }
}
