package org.llmbench.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.llmbench.json.Json;
import org.llmbench.record.RunEvent.ContainerFailed;
import org.llmbench.record.RunEvent.ModelDetails;
import org.llmbench.record.RunEvent.PhaseFigures;
import org.llmbench.record.RunEvent.RunEnd;
import org.llmbench.record.RunEvent.RunStart;
import org.llmbench.record.RunEvent.ShardEnd;
import org.llmbench.record.RunEvent.ShardStart;
import org.llmbench.record.RunEvent.TestEnd;
import org.llmbench.record.RunEvent.TestSkipped;
import org.llmbench.record.RunEvent.Unknown;

/**
 * The one codec of the run record: a {@link RunEvent} to one JSON line and back. Only the codec (with its two
 * helpers for the largest events, {@link CallCodec} and {@link ScoreCodec}) knows the ledger's field names and
 * their order; every line it writes equals, field for field and in order, what the ledger writers before it wrote.
 */
public final class RecordCodec {

    /** Version of the ledger line format; every line carries it. */
    public static final int SCHEMA_VERSION = 1;

    static final String TEST_ID = "test_id";
    static final String SHARD = "shard";
    private static final String MESSAGE = "message";
    private static final String MODEL = "model";

    /** A line that is not a run event: not JSON, not an object, or a field missing or of the wrong type. */
    public static final class BadLine extends Exception {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final String reason;

        BadLine(String field, String reason) {
            super(field == null ? reason : field + ": " + reason, null, false, false);
            this.field = field;
            this.reason = reason;
        }

        /** What is wrong, without the field's name. */
        public String reason() {
            return reason;
        }

        /** The field at fault ({@code checks[2].status}), or null when the line as a whole is. */
        public String field() {
            return field;
        }
    }

    private RecordCodec() {
    }

    /** The event as one JSON line, without its newline. */
    public static String encode(RunEvent event) {
        try {
            return Json.MAPPER.writeValueAsString(toTree(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a ledger line", e);
        }
    }

    /** The event as the JSON object its line holds. */
    public static ObjectNode toTree(RunEvent event) {
        Stamp s = event.stamp();
        ObjectNode o = emptyObject();
        o.put("schema_version", s.schemaVersion());
        o.put("event", name(event));
        o.put("ts", s.ts().toString());
        o.put("run_id", s.runId());
        boolean shardWritten = false;
        if (event instanceof RunStart start) {
            shardWritten = StartEndCodec.writeStart(o, start);
        } else if (event instanceof ShardStart start) {
            shardWritten = StartEndCodec.writeStart(o, start.start());
        } else if (event instanceof RunEnd end) {
            StartEndCodec.writeEnd(o, end);
        } else if (event instanceof ShardEnd end) {
            StartEndCodec.writeEnd(o, end.end());
        } else if (event instanceof RunEvent.Call call) {
            CallCodec.write(o, call);
        } else if (event instanceof RunEvent.Score score) {
            ScoreCodec.write(o, score);
        } else if (event instanceof TestEnd end) {
            o.put(TEST_ID, end.testId());
            o.put("status", end.status().wireName());
            if (end.message() != null) {
                o.put(MESSAGE, end.message());
            }
        } else if (event instanceof TestSkipped skipped) {
            o.put(TEST_ID, skipped.testId());
            o.put("reason", skipped.reason());
        } else if (event instanceof ContainerFailed failed) {
            o.put(TEST_ID, failed.testId());
            o.put(MESSAGE, failed.message());
        } else if (event instanceof PhaseFigures figures) {
            writePhaseFigures(o, figures);
        } else if (event instanceof ModelDetails details) {
            o.set("models", details.models());
        } else if (event instanceof RunEvent.Footprint footprint) {
            FootprintCodec.write(o, footprint);
        } else if (event instanceof Unknown unknown) {
            o.setAll(unknown.fields());
        }
        o.setAll(s.unknown());
        if (s.shard() != null && !shardWritten) {
            o.put(SHARD, s.shard());
        }
        return o;
    }

    private static final Map<Class<? extends RunEvent>, String> NAMES = Map.ofEntries(
            Map.entry(RunStart.class, "run_start"), Map.entry(ShardStart.class, "shard_start"),
            Map.entry(ModelDetails.class, "model_details"), Map.entry(RunEvent.Call.class, "call"),
            Map.entry(RunEvent.Score.class, "score"), Map.entry(TestEnd.class, "test_end"),
            Map.entry(TestSkipped.class, "test_skipped"), Map.entry(ContainerFailed.class, "container_failed"),
            Map.entry(PhaseFigures.class, "phase_figures"), Map.entry(RunEnd.class, "run_end"),
            Map.entry(ShardEnd.class, "shard_end"), Map.entry(RunEvent.Footprint.class, "footprint"));

    /** The event's name in the ledger ({@code call}, {@code score}, {@code run_start}...). */
    public static String name(RunEvent event) {
        return event instanceof Unknown unknown ? unknown.event() : NAMES.get(event.getClass());
    }

    /** Reads one line. */
    public static RunEvent decode(String line) throws BadLine {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadLine(null, "not JSON: " + e.getOriginalMessage());
        }
        return decode(tree);
    }

    /** Reads one line's JSON object. */
    public static RunEvent decode(JsonNode tree) throws BadLine {
        if (tree == null || !tree.isObject()) {
            throw new BadLine(null, "not a JSON object");
        }
        Fields f = new Fields((ObjectNode) tree);
        try {
            int version = f.intValue("schema_version");
            String type = f.text("event");
            String tsText = f.text("ts");
            Instant ts;
            try {
                ts = Instants.parse(tsText);
            } catch (DateTimeParseException e) {
                throw new Fields.BadField("ts", "not an instant: '" + tsText + "'");
            }
            String runId = f.optText("run_id");
            // A shard's start names its shard among its own fields: it is no mark of a copied line.
            boolean startLike = type.equals(NAMES.get(RunStart.class)) || type.equals(NAMES.get(ShardStart.class));
            String shard = startLike ? null : f.optText(SHARD);
            RunEvent body = body(type, f);
            Stamp stamp = new Stamp(version, ts, runId, shard, f.unread());
            if (body instanceof ShardStart start) {
                ShardPart part = start.start().shardPart();
                stamp = stamp.inShard(part == null ? null : part.shard());
            }
            return body.withStamp(stamp);
        } catch (Fields.BadField e) {
            throw new BadLine(e.field(), e.reason());
        }
    }

    /** The event with a placeholder stamp (the caller sets the real one once every field is read). */
    private static RunEvent body(String type, Fields f) {
        Stamp none = new Stamp(SCHEMA_VERSION, Instant.EPOCH, null, null, null);
        Class<? extends RunEvent> kind = NAMES.entrySet().stream().filter(e -> e.getValue().equals(type))
                .map(Map.Entry::getKey).findFirst().orElse(Unknown.class);
        if (kind == RunStart.class || kind == ShardStart.class) {
            RunStart start = StartEndCodec.readStart(none, f);
            return kind == RunStart.class ? start : new ShardStart(start);
        }
        if (kind == RunEnd.class || kind == ShardEnd.class) {
            RunEnd end = StartEndCodec.readEnd(none, f);
            return kind == RunEnd.class ? end : new ShardEnd(end);
        }
        if (kind == RunEvent.Call.class) {
            return CallCodec.read(none, f);
        }
        if (kind == RunEvent.Score.class) {
            return ScoreCodec.read(none, f);
        }
        if (kind == TestEnd.class) {
            String id = f.text(TEST_ID);
            String status = f.text("status");
            try {
                return new TestEnd(none, id, TestStatus.ofWireName(status), f.optText(MESSAGE));
            } catch (IllegalArgumentException e) {
                throw new Fields.BadField("status", e.getMessage());
            }
        }
        if (kind == TestSkipped.class) {
            return new TestSkipped(none, f.text(TEST_ID), f.text("reason"));
        }
        if (kind == ContainerFailed.class) {
            return new ContainerFailed(none, f.text(TEST_ID), f.text(MESSAGE));
        }
        if (kind == PhaseFigures.class) {
            return readPhaseFigures(none, f);
        }
        if (kind == ModelDetails.class) {
            return new ModelDetails(none, f.object("models"));
        }
        if (kind == RunEvent.Footprint.class) {
            return FootprintCodec.read(none, f);
        }
        return new Unknown(none, type, f.rest());
    }

    /**
     * A score with the details its writer gives by their ledger names (a task's {@code parse_ok}..., the samples'
     * {@code pass_at_k}..., {@code sandbox_layers}); details this build does not know are kept at the end of the line.
     */
    public static RunEvent.Score withScoreDetails(RunEvent.Score score, ObjectNode details) throws BadLine {
        Fields f = new Fields(details);
        try {
            RunEvent.Score typed = ScoreCodec.withDetails(score, f);
            ObjectNode unknown = score.stamp().unknown().deepCopy().setAll(f.unread());
            Stamp s = score.stamp();
            return typed.withStamp(new Stamp(s.schemaVersion(), s.ts(), s.runId(), s.shard(), unknown));
        } catch (Fields.BadField e) {
            throw new BadLine(e.field(), e.reason());
        }
    }

    /** A score's breakdown alone (score, pass mark, weight, checks), as the reports attach it. */
    public static ObjectNode breakdown(RunEvent.Score score) {
        ObjectNode o = emptyObject();
        ScoreCodec.writeBreakdown(o, score);
        return o;
    }

    /**
     * A phase's figures as the manifest lists them (see {@link #figuresOf}), typed; the fields this build does not
     * read (a merged run's shard mark, figures of an unknown kind) are the stamp's unknown fields, kept in order.
     */
    public static PhaseFigures phaseFigures(ObjectNode fields) throws BadLine {
        Fields f = new Fields(fields);
        try {
            PhaseFigures figures = readPhaseFigures(null, f);
            return figures.withStamp(new Stamp(SCHEMA_VERSION, Instant.EPOCH, null, null, f.unread()));
        } catch (Fields.BadField e) {
            throw new BadLine(e.field(), e.reason());
        }
    }

    /** A phase's figures as the manifest lists them: its phase, model, run mode and container, then the figures. */
    public static ObjectNode figuresOf(PhaseFigures figures) {
        ObjectNode o = emptyObject();
        writePhaseFigures(o, figures);
        o.setAll(figures.stamp().unknown());
        return o;
    }

    private static void writePhaseFigures(ObjectNode o, PhaseFigures figures) {
        o.put("phase", figures.phase());
        o.put(MODEL, figures.model());
        o.put("run_mode", figures.runMode());
        o.put(TEST_ID, figures.testId());
        PhaseMeasuresCodec.write(o, figures.measures());
    }

    private static PhaseFigures readPhaseFigures(Stamp stamp, Fields f) {
        String phase = f.text("phase");
        String model = f.text(MODEL);
        String runMode = f.text("run_mode");
        String testId = f.text(TEST_ID);
        return new PhaseFigures(stamp, phase, model, runMode, testId, PhaseMeasuresCodec.read(f));
    }

    static void strings(ObjectNode o, String name, List<String> values) {
        var array = o.putArray(name);
        values.forEach(array::add);
    }

    static ObjectNode emptyObject() {
        return Json.MAPPER.createObjectNode();
    }
}
