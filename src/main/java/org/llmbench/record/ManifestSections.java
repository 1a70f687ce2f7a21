package org.llmbench.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.llmbench.record.Manifest.Host;
import org.llmbench.record.Manifest.Merged;
import org.llmbench.record.Manifest.MergedShard;
import org.llmbench.record.Manifest.ShardSection;

/** The manifest's nested sections (a shard's part, the host, a merged run's shards), for {@link ManifestCodec}. */
final class ManifestSections {

    private static final String SHORT_NAME_REVIEW = "short_name_review";

    private ManifestSections() {
    }

    static void writeShard(ObjectNode o, ShardSection s) {
        o.put(ManifestCodec.SHARD, s.shard());
        o.put("index", s.index());
        o.put("count", s.count());
        o.put(ManifestCodec.RUN_GROUP, s.runGroup());
        o.put(ManifestCodec.CONFIG_HASH, s.configHash());
        RecordCodec.strings(o, ManifestCodec.UNITS, s.units());
        o.put("run_units_planned", s.runUnitsPlanned());
        RecordCodec.strings(o, ManifestCodec.RUN_UNITS, s.runUnits());
    }

    static ShardSection readShard(Fields s) {
        return new ShardSection(s.text(ManifestCodec.SHARD), s.intValue("index"), s.intValue("count"), s.text(ManifestCodec.RUN_GROUP),
                s.text(ManifestCodec.CONFIG_HASH), s.list(ManifestCodec.UNITS, Fields.TEXT), s.intValue("run_units_planned"), s.list(ManifestCodec.RUN_UNITS, Fields.TEXT));
    }

    static void writeHost(ObjectNode o, Host h) {
        o.put("short_name", h.shortName());
        if (h.shortNameReview() != null) {
            o.put(SHORT_NAME_REVIEW, h.shortNameReview());
        }
        o.put("os", h.os());
        o.put("jvm", h.jvm());
        o.put("cpus", h.cpus());
        o.put("max_heap_mb", h.maxHeapMb());
    }

    static Host readHost(Fields h) {
        return new Host(h.optText("short_name"), h.optText(SHORT_NAME_REVIEW), h.optText("os"), h.optText("jvm"), h.intValue("cpus"), h.longValue("max_heap_mb"));
    }

    static void writeMerged(ObjectNode o, Merged m) {
        o.put(ManifestCodec.RUN_GROUP, m.runGroup());
        o.put(ManifestCodec.CONFIG_HASH, m.configHash());
        o.put("merged_at", m.mergedAt().toString());
        o.put(ManifestCodec.RUN_UNITS, m.runUnits());
        var shards = o.putArray("shards");
        for (MergedShard s : m.shards()) {
            ObjectNode one = shards.addObject();
            one.put(ManifestCodec.SHARD, s.shard());
            one.put(ManifestCodec.RUN_ID, s.runId());
            one.put(ManifestCodec.STARTED_AT, ManifestCodec.text(s.startedAt()));
            one.put(ManifestCodec.TESTS_PLANNED, s.testsPlanned());
            one.put(ManifestCodec.UNITS, s.units());
            one.put(ManifestCodec.TARGET_URL, s.targetUrl());
            if (s.host() != null) {
                writeHost(one.putObject(ManifestCodec.HOST), s.host());
            }
            one.put("hardware", s.hardware());
        }
    }

    static Merged readMerged(Fields m) {
        return new Merged(m.text(ManifestCodec.RUN_GROUP), m.text(ManifestCodec.CONFIG_HASH), ManifestCodec.instant("merged.merged_at", m.text("merged_at")),
                m.intValue(ManifestCodec.RUN_UNITS), m.list("shards", Fields.objects(s -> new MergedShard(s.text(ManifestCodec.SHARD), s.text(ManifestCodec.RUN_ID),
                        ManifestCodec.instant("merged.shards.started_at", s.optText(ManifestCodec.STARTED_AT)), s.longValue(ManifestCodec.TESTS_PLANNED),
                        s.intValue(ManifestCodec.UNITS), s.optText(ManifestCodec.TARGET_URL), s.has(ManifestCodec.HOST) ? readHost(s.nested(ManifestCodec.HOST)) : null,
                        s.optText("hardware")))));
    }
}
