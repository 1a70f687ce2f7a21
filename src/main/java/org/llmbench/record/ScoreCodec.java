package org.llmbench.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.llmbench.record.RunEvent.Score;

/** The fields of a {@code score} line, in the order the ledger has always written them (see {@link RecordCodec}). */
final class ScoreCodec {

    private static final String SANDBOX_LAYERS = "sandbox_layers";
    private static final String SAMPLES = "samples";
    private static final String WEIGHT = "weight";
    private static final String PARSE_RECOVERIES = "parse_recoveries";
    private static final String METHODS = "methods";

    private ScoreCodec() {
    }

    static void write(ObjectNode o, Score s) {
        TestRefCodec.write(o, s.ref());
        writeBreakdown(o, s);
        writeMethods(o, s.methods());
        writeDetails(o, s);
    }

    /** Every method's verdict, the headline's name and the prompt format (only for questions read by several). */
    private static void writeMethods(ObjectNode o, Methods m) {
        if (m == null) {
            return;
        }
        ObjectNode methods = o.putObject(METHODS);
        methods.put("headline", m.headline());
        methods.put("prompt_format", m.promptFormat());
        var verdicts = methods.putArray("verdicts");
        m.verdicts().forEach(v -> verdicts.addObject().put("method", v.method()).put("score", v.score()).put("read", v.read()));
    }

    /** Score, pass mark, weight and every check with its status and reason. */
    static void writeBreakdown(ObjectNode o, Score s) {
        o.put("score", s.score());
        o.put("pass_mark", s.passMark());
        o.put("passed", s.passed());
        o.put(WEIGHT, s.weight());
        o.put("weighted_score", s.weightedScore());
        var checks = o.putArray("checks");
        s.checks().forEach(c -> checks.addObject().put("name", c.name()).put(WEIGHT, c.weight())
                .put("status", c.status().wireName()).put("reason", c.reason()));
    }

    private static void writeDetails(ObjectNode o, Score s) {
        // A task's details come before its sandbox layers and samples; a question's samples before its layers.
        if (s.task() != null) {
            TaskParse t = s.task();
            o.put("kind", t.kind());
            o.put("strict_json", t.strictJson());
            o.put("parse_ok", t.parseOk());
            o.put("parse_retries", t.parseRetries());
            if (t.parseRecoveries() != null) {
                RecordCodec.strings(o, PARSE_RECOVERIES, t.parseRecoveries());
                o.put("parse_error", t.parseError());
            }
            o.set("parsed", t.parsed());
            layers(o, s);
            sampling(o, s.sampling());
        } else {
            sampling(o, s.sampling());
            layers(o, s);
        }
    }

    private static void layers(ObjectNode o, Score s) {
        if (s.sandboxLayers() != null) {
            RecordCodec.strings(o, SANDBOX_LAYERS, s.sandboxLayers());
        }
    }

    private static void sampling(ObjectNode o, Sampling s) {
        if (s == null) {
            return;
        }
        o.put(SAMPLES, s.samples());
        var scores = o.putArray("sample_scores");
        s.sampleScores().forEach(scores::add);
        o.put("samples_passed", s.samplesPassed());
        ObjectNode passAtK = o.putObject("pass_at_k");
        s.passAtK().forEach(passAtK::put);
    }

    static Score read(Stamp none, Fields f) {
        TestRef ref = TestRefCodec.read(f);
        double score = f.doubleValue("score");
        double passMark = f.doubleValue("pass_mark");
        boolean passed = f.bool("passed");
        double weight = f.doubleValue(WEIGHT);
        double weighted = f.doubleValue("weighted_score");
        List<Check> checks = f.list("checks", Fields.objects(c -> {
            String status = c.text("status");
            try {
                return new Check(c.text("name"), c.doubleValue(WEIGHT), CheckStatus.ofWireName(status), c.optText("reason"));
            } catch (IllegalArgumentException e) {
                throw new Fields.BadField("status", e.getMessage());
            }
        }));
        return withDetails(new Score(none, ref, score, passMark, passed, weight, weighted, checks, null, null, null), f);
    }

    /** The score with the task, sampling and sandbox details read from {@code f}. */
    static Score withDetails(Score base, Fields f) {
        TaskParse task = null;
        if (f.has("kind")) {
            task = new TaskParse(f.text("kind"), f.bool("strict_json"), f.bool("parse_ok"), f.intValue("parse_retries"),
                    f.optList(PARSE_RECOVERIES, Fields.TEXT), f.optText("parse_error"), f.json("parsed"));
        }
        List<String> layers = f.optList(SANDBOX_LAYERS, Fields.TEXT);
        Methods methods = null;
        if (f.has(METHODS)) {
            Fields m = f.nested(METHODS);
            methods = new Methods(m.optText("headline"), m.optText("prompt_format"), m.list("verdicts",
                    Fields.objects(v -> new Verdict(v.text("method"), v.doubleValue("score"), v.optText("read")))));
        }
        Sampling sampling = null;
        if (f.has(SAMPLES)) {
            sampling = new Sampling(f.intValue(SAMPLES), f.list("sample_scores", Fields.DOUBLE),
                    f.intValue("samples_passed"), f.map("pass_at_k", Fields.DOUBLE));
        }
        return new Score(base.stamp(), base.ref(), base.score(), base.passMark(), base.passed(), base.weight(),
                base.weightedScore(), base.checks(), task, sampling, layers, methods);
    }
}
