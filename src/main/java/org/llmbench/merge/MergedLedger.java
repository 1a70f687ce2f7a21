package org.llmbench.merge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.llmbench.record.Merge;
import org.llmbench.record.RecordReader;
import org.llmbench.record.RecordWriter;
import org.llmbench.record.RunEvent;
import org.llmbench.record.Stamp;
import org.llmbench.report.RunSummary;

/**
 * Writes the merged run.jsonl: one {@code run_start}, every event of every shard once, marked with its shard (a
 * shard's own start and end become {@code shard_start} and {@code shard_end}), and one {@code run_end} with totals
 * derived from the merged ledger.
 */
final class MergedLedger {

    /** What the merged ledger holds: its plan and its longest shard's duration. */
    record Written(List<String> models, List<String> suites, long testsPlanned, long longestMs, RunSummary summary) {
    }

    private MergedLedger() {
    }

    static Written write(Path ledger, String runId, List<ShardFolder> parts) throws IOException {
        long tests = 0;
        List<String> models = new ArrayList<>();
        List<String> suites = new ArrayList<>();
        for (ShardFolder p : parts) {
            tests += p.manifest().testsPlanned() == null ? 0 : p.manifest().testsPlanned();
            p.manifest().models().stream().filter(m -> !models.contains(m)).forEach(models::add);
            p.manifest().suites().stream().filter(s -> !suites.contains(s)).forEach(suites::add);
        }
        ShardFolder first = parts.get(0);
        long longest = 0;
        try (RecordWriter w = RecordWriter.append(ledger)) {
            w.write(new RunEvent.RunStart(Stamp.now(runId), first.manifest().harnessVersion(), false, models, suites, tests,
                    null, null, new Merge(first.shard().runGroup(), parts.size())));
            for (ShardFolder p : parts) {
                longest = Math.max(longest, copy(p, w));
            }
            w.write(RunSummary.of(ledger).runEnd(Stamp.now(runId), longest, parts.size()));
        }
        return new Written(models, suites, tests, longest, RunSummary.of(ledger));
    }

    /** Copies a shard's events, marked with the shard; the longest duration its ends recorded. */
    private static long copy(ShardFolder p, RecordWriter w) throws IOException {
        long[] duration = {0};
        RecordReader.forEach(p.ledger(), e -> {
            RunEvent copied = e;
            if (e instanceof RunEvent.RunStart start) {
                copied = new RunEvent.ShardStart(start);
            } else if (e instanceof RunEvent.RunEnd end) {
                copied = new RunEvent.ShardEnd(end);
                duration[0] = Math.max(duration[0], end.durationMs());
            }
            w.write(copied.withStamp(copied.stamp().inShard(p.shardName())));
        });
        return duration[0];
    }
}
