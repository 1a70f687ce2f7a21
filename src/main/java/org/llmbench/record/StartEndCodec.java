package org.llmbench.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.llmbench.record.RunEvent.RunEnd;
import org.llmbench.record.RunEvent.RunStart;

/** The fields of {@code run_start} and {@code run_end} lines (and a merge's shard copies of them), see {@link RecordCodec}. */
final class StartEndCodec {

    private static final String RUN_GROUP = "run_group";
    private static final String MERGED_SHARDS = "merged_shards";

    private StartEndCodec() {
    }

    /** Writes a start's fields; whether it wrote the {@code shard} field (a shard's start names its shard). */
    static boolean writeStart(ObjectNode o, RunStart start) {
        o.put("harness_version", start.harnessVersion());
        o.put("resumed", start.resumed());
        RecordCodec.strings(o, "models", start.models());
        RecordCodec.strings(o, "suites", start.suites());
        o.put("tests_planned", start.testsPlanned());
        if (start.testsAddedAtRunTime() != null) {
            o.put("tests_added_at_run_time", start.testsAddedAtRunTime());
        }
        ShardPart part = start.shardPart();
        if (part != null) {
            o.put(RecordCodec.SHARD, part.shard());
            o.put(RUN_GROUP, part.runGroup());
            o.put("units", part.units());
            o.put("run_units_planned", part.runUnitsPlanned());
        }
        if (start.merge() != null) {
            o.put(RUN_GROUP, start.merge().runGroup());
            o.put(MERGED_SHARDS, start.merge().mergedShards());
        }
        return part != null;
    }

    static RunStart readStart(Stamp none, Fields f) {
        String version = f.text("harness_version");
        boolean resumed = f.bool("resumed");
        List<String> models = f.list("models", Fields.TEXT);
        List<String> suites = f.list("suites", Fields.TEXT);
        long planned = f.longValue("tests_planned");
        Long atRunTime = f.optLong("tests_added_at_run_time");
        ShardPart part = null;
        Merge merge = null;
        if (f.has(MERGED_SHARDS)) {
            merge = new Merge(f.text(RUN_GROUP), f.intValue(MERGED_SHARDS));
        } else if (f.has(RecordCodec.SHARD)) {
            part = new ShardPart(f.text(RecordCodec.SHARD), f.text(RUN_GROUP), f.intValue("units"), f.intValue("run_units_planned"));
        }
        return new RunStart(none, version, resumed, models, suites, planned, atRunTime, part, merge);
    }

    static void writeEnd(ObjectNode o, RunEnd end) {
        o.put("duration_ms", end.durationMs());
        if (end.tests() != null) {
            ObjectNode tests = o.putObject("tests");
            end.tests().forEach(tests::put);
        }
        if (end.scored() != null) {
            o.put("scored", end.scored());
        }
        if (end.weightedTotal() != null) {
            o.put("weighted_total", end.weightedTotal());
        }
        if (end.modelTotals() != null) {
            ObjectNode totals = o.putObject("model_totals");
            end.modelTotals().forEach(totals::put);
        }
        if (end.mergedShards() != null) {
            o.put(MERGED_SHARDS, end.mergedShards());
        }
    }

    static RunEnd readEnd(Stamp none, Fields f) {
        long duration = f.longValue("duration_ms");
        // Only the duration is required (as the ledger's schema says): the oldest ledgers had no more.
        Map<String, Integer> tests = f.has("tests") ? f.map("tests", Fields.INT) : null;
        Integer scored = f.optInt("scored");
        Double total = f.optDouble("weighted_total");
        Map<String, Double> totals = f.has("model_totals") ? f.map("model_totals", Fields.DOUBLE) : null;
        return new RunEnd(none, duration, tests, scored, total, totals, f.optInt(MERGED_SHARDS));
    }
}
