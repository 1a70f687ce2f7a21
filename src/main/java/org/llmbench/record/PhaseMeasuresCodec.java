package org.llmbench.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.llmbench.record.PhaseMeasures.Append;
import org.llmbench.record.PhaseMeasures.Lane;
import org.llmbench.record.PhaseMeasures.Lanes;
import org.llmbench.record.PhaseMeasures.Latencies;
import org.llmbench.record.PhaseMeasures.Server;
import org.llmbench.record.PhaseMeasures.Turn;
import org.llmbench.record.PhaseMeasures.WholeSuite;

/**
 * A phase's {@link PhaseMeasures} to the fields of its {@code phase_figures} line (after phase, model, run mode and
 * container) and back, in the order the engine has always written them. Which kind a line holds is told by a field
 * only that kind has; figures this build cannot read whole (a field missing in an old ledger, a field unknown
 * inside a nested object) stay untyped, so the line is still kept as written.
 */
final class PhaseMeasuresCodec {

    private static final String LANES = "lanes";
    private static final String PARTS_FOUND = "parts_found";
    private static final String TURNS = "turns";
    private static final String LATENCY_MS = "latency_ms";
    private static final String REQUESTS = "requests";
    private static final String ERRORS = "errors";
    private static final String QUESTIONS = "questions";
    private static final String PROMPT_TOKENS = "prompt_tokens";
    private static final String COMPLETION_TOKENS = "completion_tokens";
    private static final String CONTEXT_TOKENS = "context_tokens";
    private static final String TOKENS_ESTIMATED = "tokens_estimated";

    private PhaseMeasuresCodec() {
    }

    static void write(ObjectNode o, PhaseMeasures measures) {
        if (measures instanceof Lanes l) {
            writeLanes(o, l);
        } else if (measures instanceof WholeSuite w) {
            o.put(QUESTIONS, w.questions());
            o.put("prompt_chars", w.promptChars());
            o.put(PROMPT_TOKENS, w.promptTokens());
            o.put(COMPLETION_TOKENS, w.completionTokens());
            o.put(TOKENS_ESTIMATED, w.tokensEstimated());
            o.put(LATENCY_MS, w.latencyMs());
            o.put("error_kind", w.errorKind());
            RecordCodec.strings(o, PARTS_FOUND, w.partsFound());
            RecordCodec.strings(o, "parts_missing", w.partsMissing());
        } else if (measures instanceof Append a) {
            o.put("num_ctx", a.numCtx());
            o.put("turns_run", a.turnsRun());
            o.put(QUESTIONS, a.questions());
            o.put("stopped_because", a.stoppedBecause());
            o.put(CONTEXT_TOKENS, a.contextTokens());
            o.put("first_degraded_turn", a.firstDegradedTurn());
            o.put("context_cut_from_turn", a.contextCutFromTurn());
            o.put("context_cut_turns", a.contextCutTurns());
            var turns = o.putArray(TURNS);
            a.turns().forEach(t -> writeTurn(turns.addObject(), t));
        }
    }

    /** The measures of the line's kind, or null when it holds none this build reads whole. */
    static PhaseMeasures read(Fields f) {
        if (f.has(LANES)) {
            return f.attempt(PhaseMeasuresCodec::readLanes);
        }
        if (f.has(PARTS_FOUND)) {
            return f.attempt(PhaseMeasuresCodec::readWholeSuite);
        }
        if (f.has(TURNS)) {
            return f.attempt(PhaseMeasuresCodec::readAppend);
        }
        return null;
    }

    private static void writeLanes(ObjectNode o, Lanes l) {
        o.put("assignment", l.assignment());
        o.put(LANES, l.lanes());
        o.put("wall_ms", l.wallMs());
        o.put(REQUESTS, l.requests());
        o.put(ERRORS, l.errors());
        o.put("max_in_flight", l.maxInFlight());
        o.put(COMPLETION_TOKENS, l.completionTokens());
        o.put("completion_tokens_estimated", l.completionTokensEstimated());
        o.put("completion_tokens_per_s", l.completionTokensPerS());
        writeLatencies(o.putObject(LATENCY_MS), l.latencyMs());
        ObjectNode perLane = o.putObject("per_lane");
        l.perLane().forEach((lane, own) -> {
            ObjectNode x = perLane.putObject(lane);
            x.put("model", own.model());
            x.put(REQUESTS, own.requests());
            writeLatencies(x.putObject(LATENCY_MS), own.latencyMs());
        });
        if (l.perServer() != null) {
            ObjectNode perServer = o.putObject("per_server");
            l.perServer().forEach((server, own) -> {
                ObjectNode x = perServer.putObject(server);
                x.put(REQUESTS, own.requests());
                x.put(ERRORS, own.errors());
                x.put("requests_per_s", own.requestsPerS());
                writeLatencies(x.putObject(LATENCY_MS), own.latencyMs());
            });
        }
        if (l.note() != null) {
            o.put("note", l.note());
        }
    }

    private static Lanes readLanes(Fields f) {
        String assignment = f.text("assignment");
        int lanes = f.intValue(LANES);
        long wallMs = f.longValue("wall_ms");
        int requests = f.intValue(REQUESTS);
        int errors = f.intValue(ERRORS);
        int maxInFlight = f.intValue("max_in_flight");
        long tokens = f.longValue(COMPLETION_TOKENS);
        boolean estimated = f.bool("completion_tokens_estimated");
        double perS = f.doubleValue("completion_tokens_per_s");
        Latencies latencies = closed(f, LATENCY_MS, PhaseMeasuresCodec::readLatencies);
        Map<String, Lane> perLane = objects(f, "per_lane", x -> new Lane(x.text("model"), x.intValue(REQUESTS),
                closed(x, LATENCY_MS, PhaseMeasuresCodec::readLatencies)));
        Map<String, Server> perServer = f.has("per_server") ? objects(f, "per_server", x -> new Server(
                x.intValue(REQUESTS), x.intValue(ERRORS), x.doubleValue("requests_per_s"),
                closed(x, LATENCY_MS, PhaseMeasuresCodec::readLatencies))) : null;
        return new Lanes(assignment, lanes, wallMs, requests, errors, maxInFlight, tokens, estimated, perS, latencies,
                perLane, perServer, f.optText("note"));
    }

    private static WholeSuite readWholeSuite(Fields f) {
        return new WholeSuite(f.intValue(QUESTIONS), f.longValue("prompt_chars"), present(f, PROMPT_TOKENS, f::optLong),
                present(f, COMPLETION_TOKENS, f::optLong), f.bool(TOKENS_ESTIMATED), f.longValue(LATENCY_MS),
                present(f, "error_kind", f::optText), f.list(PARTS_FOUND, Fields.TEXT), f.list("parts_missing", Fields.TEXT));
    }

    private static Append readAppend(Fields f) {
        return new Append(f.longValue("num_ctx"), f.intValue("turns_run"), f.intValue(QUESTIONS), f.text("stopped_because"),
                f.longValue(CONTEXT_TOKENS), present(f, "first_degraded_turn", f::optInt),
                present(f, "context_cut_from_turn", f::optInt), f.longValue("context_cut_turns"),
                f.list(TURNS, Fields.objects(PhaseMeasuresCodec::readTurn)));
    }

    private static void writeTurn(ObjectNode t, Turn turn) {
        t.put("turn", turn.turn());
        t.put("question", turn.question());
        t.put("messages", turn.messages());
        t.put(PROMPT_TOKENS, turn.promptTokens());
        t.put(COMPLETION_TOKENS, turn.completionTokens());
        t.put(CONTEXT_TOKENS, turn.contextTokens());
        t.put(TOKENS_ESTIMATED, turn.tokensEstimated());
        t.put(LATENCY_MS, turn.latencyMs());
        t.put("score", turn.score());
        t.put("passed", turn.passed());
        t.put("context_cut", turn.contextCut());
        if (turn.contextCutBecause() != null) {
            t.put("context_cut_because", turn.contextCutBecause());
        }
    }

    private static Turn readTurn(Fields t) {
        Turn turn = new Turn(t.intValue("turn"), t.text("question"), t.intValue("messages"), t.longValue(PROMPT_TOKENS),
                t.longValue(COMPLETION_TOKENS), t.longValue(CONTEXT_TOKENS), t.bool(TOKENS_ESTIMATED),
                t.longValue(LATENCY_MS), t.doubleValue("score"), t.bool("passed"), t.bool("context_cut"),
                t.optText("context_cut_because"));
        noneUnread(t);
        return turn;
    }

    private static void writeLatencies(ObjectNode o, Latencies l) {
        number(o, "p50", l.p50());
        number(o, "p90", l.p90());
        number(o, "p95", l.p95());
        number(o, "p99", l.p99());
        number(o, "max", l.max());
    }

    private static Latencies readLatencies(Fields f) {
        return new Latencies(number(f, "p50"), number(f, "p90"), number(f, "p95"), number(f, "p99"), number(f, "max"));
    }

    /** A number kept as written: a whole number stays whole, a fraction a fraction. */
    private static Number number(Fields f, String name) {
        JsonNode v = f.json(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new Fields.BadField(name, "expected a number");
        }
        return v.numberValue();
    }

    private static void number(ObjectNode o, String name, Number n) {
        if (n instanceof Integer i) {
            o.put(name, i);
        } else if (n instanceof Long l) {
            o.put(name, l);
        } else if (n instanceof BigInteger b) {
            o.put(name, b);
        } else if (n instanceof BigDecimal b) {
            o.put(name, b);
        } else if (n instanceof Float x) {
            o.put(name, x);
        } else if (n != null) {
            o.put(name, n.doubleValue());
        }
    }

    /** A field the engine writes even when null: it must be there, null or not. */
    private static <T> T present(Fields f, String name, Function<String, T> reader) {
        if (!f.has(name)) {
            throw new Fields.BadField(name, "missing");
        }
        return reader.apply(name);
    }

    /** A nested object read whole: a field this build does not know in it leaves the figures untyped. */
    private static <T> T closed(Fields f, String name, Function<Fields, T> reader) {
        Fields nested = f.nested(name);
        T value = reader.apply(nested);
        noneUnread(nested);
        return value;
    }

    /** An object of objects (lanes by number, servers by address), each read whole, in its order. */
    private static <T> Map<String, T> objects(Fields f, String name, Function<Fields, T> reader) {
        Map<String, T> out = new LinkedHashMap<>();
        f.map(name, Fields.objects(x -> x)).forEach((key, x) -> {
            out.put(key, reader.apply(x));
            noneUnread(x);
        });
        return out;
    }

    private static void noneUnread(Fields f) {
        if (!f.unread().isEmpty()) {
            throw new Fields.BadField(f.unread().fieldNames().next(), "not known to this build");
        }
    }
}
