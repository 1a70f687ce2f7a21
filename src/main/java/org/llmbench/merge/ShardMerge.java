package org.llmbench.merge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.PlannedRun;
import org.llmbench.record.RunFolders;
import org.llmbench.report.RunReports;
import org.llmbench.report.RunSummary;

/**
 * Joins the run folders of the n shards of one run ({@code bench.shard=i/n}) into one run folder, as if the run
 * had run on one machine: it refuses shards of different run groups, settings or harness versions, a shard given
 * twice or missing, a unit planned by two shards, and a planned unit without a recorded outcome, naming each
 * ({@link MergeChecks}). The merged ledger ({@link MergedLedger}), manifest ({@link MergedManifest}) and hardware
 * files ({@link MergedHardware}) are written, then results, metadata, report.md and run.md by the run's own writers.
 */
public final class ShardMerge {

    /** Why shards cannot be merged: every problem found, each naming the shards, folders or units concerned. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        Refused(List<String> problems) {
            super("cannot merge: " + String.join("; ", problems), null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** The merged run: its folder, id, how many shards, and its totals (derived from the merged ledger). */
    public record Merged(Path folder, String runId, String runGroup, int shards, RunSummary summary) {
    }

    private ShardMerge() {
    }

    /**
     * Checks the shard folders and writes the merged run folder {@code out/run-<id>}, as a run writes its folder
     * under {@code bench.out}. What the reports say of the leaderboard is not shown (see the overload below).
     *
     * @param leaderboard the leaderboard file to add the merged run to, or null for none
     */
    public static Merged merge(Path out, List<Path> shardFolders, Path leaderboard) throws IOException, Refused {
        return merge(out, shardFolders, leaderboard, line -> {
        }, line -> {
        });
    }

    /**
     * {@link #merge(Path, List, Path)}, telling the caller's lines what the reports say of the leaderboard
     * ({@code notes}: why the merge was not added; {@code boardProblems}: the board could not be updated).
     */
    public static Merged merge(Path out, List<Path> shardFolders, Path leaderboard, Consumer<String> notes,
                               Consumer<String> boardProblems) throws IOException, Refused {
        List<String> problems = new ArrayList<>();
        List<ShardFolder> parts = new ArrayList<>(ShardFolder.read(shardFolders, problems));
        if (problems.isEmpty()) {
            MergeChecks.check(parts, problems);
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        parts.sort(Comparator.comparingInt(ShardFolder::index));
        String runId = runId(parts);
        Path folder = RunFolders.folder(out, null, null, runId);
        if (Files.exists(folder)) {
            throw new Refused(List.of("these shards are merged already: " + folder + " exists"));
        }
        return write(folder, runId, parts, leaderboard, notes, boardProblems);
    }

    /**
     * The merged run's id: a UUID named by the run group and the shards' run ids, so the same shards always
     * merge into the same run (a second merge finds it) and other shards of the same group never do.
     */
    static String runId(List<ShardFolder> parts) {
        StringBuilder name = new StringBuilder("llm-bench merge ").append(parts.get(0).shard().runGroup());
        parts.forEach(p -> name.append(' ').append(p.manifest().runId()));
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Merged write(Path out, String runId, List<ShardFolder> parts, Path leaderboard, Consumer<String> notes,
                                Consumer<String> problems) throws IOException {
        Files.createDirectories(out);
        ShardFolder first = parts.get(0);
        Path ledger = out.resolve(RunFolders.LEDGER);
        MergedLedger.Written written = MergedLedger.write(ledger, runId, parts);
        MergedManifest.write(out, parts, runId, written.testsPlanned());
        MergedHardware.write(out, parts);
        BenchConfig config = MergedSettings.of(first);
        RunReports.writeMerged(out, new PlannedRun(config, runId, written.models(), written.suites(), Map.of(),
                written.testsPlanned(), Map.of()), first.shard().configHash(), written.summary(), written.longestMs(),
                leaderboard, notes, problems);
        return new Merged(out, runId, first.shard().runGroup(), parts.size(), written.summary());
    }
}
