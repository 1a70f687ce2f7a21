package org.llmbench.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * What every line of a run record carries besides its event: the format version, when it was written, the run,
 * the shard a merged ledger copied it from, and the fields this reader did not know (kept, and written back at the
 * end of the line, so that copying a newer ledger loses nothing).
 *
 * @param schemaVersion the line's format version ({@link RecordCodec#SCHEMA_VERSION} for what this build writes)
 * @param shard {@code i/n} on the lines {@code report merge} copied from a shard's ledger; null otherwise
 * @param unknown fields of the line that this reader does not know, in their order; empty for what it writes
 */
public record Stamp(int schemaVersion, Instant ts, String runId, String shard, ObjectNode unknown) {

    public Stamp {
        Objects.requireNonNull(ts, "ts");
        unknown = unknown == null ? RecordCodec.emptyObject() : unknown;
    }

    /** A stamp for a line written now by this build. */
    public static Stamp now(String runId) {
        return new Stamp(RecordCodec.SCHEMA_VERSION, Instant.now(), runId, null, null);
    }

    /** The same stamp, marked as copied from shard {@code i/n}. */
    public Stamp inShard(String shardName) {
        return new Stamp(schemaVersion, ts, runId, shardName, unknown);
    }

    /** The same stamp for another run (a merged run's own lines). */
    public Stamp withRunId(String id) {
        return new Stamp(schemaVersion, ts, id, shard, unknown);
    }

    /** Whether the line had fields this reader does not know. */
    public boolean hasUnknown() {
        return !unknown.isEmpty();
    }
}
