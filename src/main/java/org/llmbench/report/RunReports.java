package org.llmbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.llmbench.config.PlannedRun;
import org.llmbench.record.Manifest;
import org.llmbench.record.ManifestCodec;
import org.llmbench.record.RunFolders;

/**
 * The one way in to the files written from a run's ledger at its end, in the order they depend on each other:
 * metadata.json, the leaderboard entry (which yields the percentile rank), results.json, report.md, report.html and
 * run.md. Each is derived from the ledger and the manifest, each read here once; none reads another back. What the
 * user should know of the leaderboard goes to the caller's lines ({@code out}: why the run was not added; {@code err}:
 * the board could not be updated or was damaged): the reports print nothing themselves.
 */
public final class RunReports {

    private RunReports() {
    }

    /**
     * The files of a finished run folder; a whole run is added to the leaderboard of its {@code bench.out}, a
     * shard is not (a part of a run is no run to rank: its merge is).
     */
    public static Map<String, Leaderboard.Rank> write(Path folder, PlannedRun plan, RunSummary summary, long durationMs,
                                                      Consumer<String> out, Consumer<String> err) throws IOException {
        Path leaderboard = plan.shard() == null ? plan.config().out().resolve(Leaderboard.FILE) : null;
        return write(folder, plan, plan.config().hash(), summary, durationMs, leaderboard,
                "a shard is a part of a run; its merge is the run", out, err);
    }

    /**
     * The files of a run merged from its shards, under the shards' config hash; added to {@code leaderboard} only
     * when one is given.
     */
    public static Map<String, Leaderboard.Rank> writeMerged(Path folder, PlannedRun plan, String configHash,
                                                            RunSummary summary, long durationMs, Path leaderboard,
                                                            Consumer<String> out, Consumer<String> err) throws IOException {
        return write(folder, plan, configHash, summary, durationMs, leaderboard,
                "a merge adds to the leaderboard only when asked (--leaderboard FILE)", out, err);
    }

    private static Map<String, Leaderboard.Rank> write(Path folder, PlannedRun plan, String configHash, RunSummary summary,
                                                       long durationMs, Path leaderboard, String notRanked,
                                                       Consumer<String> out, Consumer<String> err) throws IOException {
        Manifest manifest = ManifestCodec.read(folder.resolve(RunFolders.MANIFEST));
        FinalScores scores = summary.finalScores();
        MetadataFile metadata = MetadataWriter.write(scores, folder.resolve(MetadataFile.FILE), plan.runId(), configHash,
                summary.footprints());
        Map<String, Leaderboard.Rank> ranks = rank(manifest, metadata, summary, leaderboard, notRanked, out, err);
        ResultsFile.Totals results = ResultsWriter.write(scores, folder.resolve(ResultsWriter.FILE), plan.runId(),
                configHash, ranks, summary.footprints());
        MarkdownReport.write(folder, scores, manifest, metadata, configHash, results);
        HtmlReport.write(folder, summary, folder.resolve(HtmlReport.FILE));
        RunNotesWriter.write(folder, manifest, plan, durationMs, summary, results);
        return ranks;
    }

    private static Map<String, Leaderboard.Rank> rank(Manifest manifest, MetadataFile metadata, RunSummary summary,
                                                      Path leaderboard, String notRanked, Consumer<String> out,
                                                      Consumer<String> err) {
        if (leaderboard == null) {
            out.accept("[llm-bench] not added to the leaderboard: " + notRanked);
        } else if (summary.scored() == 0 || summary.everyCallFailed()) {
            // A run that reached no model measured nothing about one; ranking it would drag real runs down.
            out.accept("[llm-bench] not added to the leaderboard: " + (summary.scored() == 0
                    ? "no question was scored" : "every model call failed"));
        } else {
            try {
                return Leaderboard.append(leaderboard, Leaderboard.entries(manifest, metadata), err);
            } catch (IOException | RuntimeException e) {
                // The leaderboard is shared by runs; a problem there must not cost this run its results.
                err.accept("[llm-bench] could not update the leaderboard: " + e);
            }
        }
        return Map.of();
    }
}
