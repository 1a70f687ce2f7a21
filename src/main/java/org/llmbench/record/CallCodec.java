package org.llmbench.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.llmbench.record.RunEvent.Call;

/** The fields of a {@code call} line, in the order the ledger has always written them (see {@link RecordCodec}). */
final class CallCodec {

    private static final String TOKENS = "tokens";
    private static final String P50 = "p50Ms";
    private static final String P90 = "p90Ms";
    private static final String MAX = "maxMs";

    private CallCodec() {
    }

    static void write(ObjectNode o, Call c) {
        TestRefCodec.write(o, c.ref());
        if (c.sample() != null) {
            o.put("sample", c.sample());
        }
        var messages = o.putArray("messages");
        c.messages().forEach(m -> messages.addObject().put("role", m.role()).put("content", m.content()));
        o.put("raw_output", c.rawOutput());
        if (c.thinking() != null) {
            o.put("thinking", c.thinking());
        }
        o.put("error_kind", c.errorKind());
        o.put("error", c.error());
        o.put("http_status", c.httpStatus());
        o.put("latency_ms", c.latencyMs());
        o.put("ttft_ms", c.ttftMs());
        o.put("prompt_tokens", c.promptTokens());
        o.put("completion_tokens", c.completionTokens());
        o.put("tokens_estimated", c.tokensEstimated());
        o.put("completion_tokens_per_s", c.completionTokensPerS());
        o.put("tpot_ms", c.tpotMs());
        if (c.tokenGaps() != null) {
            // Named as the first writer named them (Jackson's default for its record): camel case, unlike the rest.
            o.putObject("token_gaps_ms").put(TOKENS, c.tokenGaps().tokens()).put(P50, c.tokenGaps().p50Ms())
                    .put(P90, c.tokenGaps().p90Ms()).put(MAX, c.tokenGaps().maxMs());
        }
        o.put("streamed", c.streamed());
        o.put("server_completion_tokens_per_s", c.serverCompletionTokensPerS());
        o.put("finish_reason", c.finishReason());
        o.put("attempts", c.attempts());
        var waits = o.putArray("retry_waits_ms");
        c.retryWaitsMs().forEach(waits::add);
        o.set("server_timings", c.serverTimings());
        if (!c.implausible().isEmpty()) {
            var implausible = o.putArray("implausible");
            c.implausible().forEach(i -> implausible.addObject().put("figure", i.figure()).put("raw", i.raw()).put("why", i.why()));
        }
        o.put("chars_in", c.charsIn());
        o.put("chars_out", c.charsOut());
        if (c.server() != null) {
            o.put("server", c.server());
        }
        if (c.logprobs() != null) {
            var lp = o.putObject("logprobs");
            var letters = lp.putObject("letters");
            c.logprobs().letters().forEach(letters::put);
            lp.put("chosen", c.logprobs().chosen());
            lp.put("top_k", c.logprobs().topK());
            lp.put("requests", c.logprobs().requests());
        }
        if (c.toolCalls() != null) {
            var calls = o.putArray("tool_calls");
            c.toolCalls().calls().forEach(t -> calls.addObject().put("id", t.id()).put("name", t.name()).put("arguments", t.arguments()));
            if (c.toolCalls().dropped() > 0) {
                o.put("tool_calls_dropped", c.toolCalls().dropped());
            }
            if (c.toolCalls().problem() != null) {
                o.put("tool_calls_problem", c.toolCalls().problem());
            }
        }
    }

    static Call read(Stamp none, Fields f) {
        TestRef ref = TestRefCodec.read(f);
        Integer sample = f.optInt("sample");
        List<Message> messages = f.list("messages", Fields.objects(m -> new Message(m.text("role"), m.optText("content"))));
        String raw = f.optText("raw_output");
        String thinking = f.optText("thinking");
        String errorKind = f.optText("error_kind");
        String error = f.optText("error");
        Integer status = f.optInt("http_status");
        long latency = f.longValue("latency_ms");
        Long ttft = f.optLong("ttft_ms");
        Integer promptTokens = f.optInt("prompt_tokens");
        Integer completionTokens = f.optInt("completion_tokens");
        // What the ledger's schema does not require reads as its default when an older ledger lacks it.
        boolean estimated = f.has("tokens_estimated") && f.bool("tokens_estimated");
        Double perS = f.optDouble("completion_tokens_per_s");
        Double tpot = f.optDouble("tpot_ms");
        TokenGaps gaps = f.has("token_gaps_ms") && !f.json("token_gaps_ms").isNull() ? gaps(f.nested("token_gaps_ms")) : null;
        boolean streamed = f.has("streamed") && f.bool("streamed");
        Double serverPerS = f.optDouble("server_completion_tokens_per_s");
        String finish = f.optText("finish_reason");
        int attempts = f.intValue("attempts");
        List<Long> waits = f.has("retry_waits_ms") ? f.list("retry_waits_ms", Fields.LONG) : List.of();
        var timings = f.json("server_timings");
        List<Implausible> implausible = f.optList("implausible", Fields.objects(i ->
                new Implausible(i.optText("figure"), i.optText("raw"), i.optText("why"))));
        int charsIn = f.has("chars_in") ? f.intValue("chars_in") : 0;
        int charsOut = f.has("chars_out") ? f.intValue("chars_out") : 0;
        String server = f.optText("server");
        Logprobs logprobs = f.has("logprobs") && !f.json("logprobs").isNull() ? logprobs(f.nested("logprobs")) : null;
        ToolCalls toolCalls = f.has("tool_calls") && !f.json("tool_calls").isNull() ? new ToolCalls(
                f.list("tool_calls", Fields.objects(t -> new ToolCall(t.optText("id"), t.optText("name"), t.optText("arguments")))),
                f.has("tool_calls_dropped") ? f.intValue("tool_calls_dropped") : 0, f.optText("tool_calls_problem")) : null;
        return new Call(none, ref, sample, messages, raw, thinking, errorKind, error, status, latency, ttft, promptTokens,
                completionTokens, estimated, perS, tpot, gaps, streamed, serverPerS, finish, attempts, waits, timings,
                implausible, charsIn, charsOut, server, logprobs, toolCalls);
    }

    /** A letter's value is a number, or null when it was not among the top-k. */
    private static Logprobs logprobs(Fields lp) {
        java.util.Map<String, Double> letters = lp.map("letters", v -> v.isNull() ? null : Fields.DOUBLE.apply(v));
        return new Logprobs(letters, lp.optText("chosen"), lp.intValue("top_k"), lp.intValue("requests"));
    }

    private static TokenGaps gaps(Fields g) {
        return new TokenGaps(g.intValue(TOKENS), g.doubleValue(P50), g.doubleValue(P90), g.doubleValue(MAX));
    }
}
