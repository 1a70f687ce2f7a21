package org.llmbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.llmbench.record.Message;
import org.llmbench.record.RecordCodec;
import org.llmbench.record.RunEvent;
import org.llmbench.record.Stamp;
import org.llmbench.record.TestRef;

/** Builds a run.jsonl by hand, event by event, so report figures can be checked against known inputs. */
final class SyntheticLedger {

    private final List<String> lines = new ArrayList<>();

    static TestRef ref(String model, String suite, String item) {
        return new TestRef("[engine:llm-bench]/[model:" + model + "]/[suite:" + suite + "]/[question:" + item + "]", model,
                suite, item, suite);
    }

    /** A call as the engine records it; {@code errorKind} null for one that answered, {@code ttft} null when not streamed. */
    static RunEvent.Call call(TestRef ref, long latency, Long ttft, Integer tokens, String errorKind) {
        boolean failed = errorKind != null;
        return new RunEvent.Call(Stamp.now("r"), ref, null, List.of(new Message("user", "ask " + ref.item())),
                failed ? null : "answer to " + ref.item(), null, errorKind, failed ? "boom" : null, null, latency, ttft, null,
                failed ? null : tokens, false, failed || tokens == null ? null : tokens * 1000.0 / latency, null, null,
                ttft != null, null, null, 1, List.of(), null, List.of(), 10, failed ? 0 : 20, null);
    }

    /** A successful call; ttft may be null. */
    SyntheticLedger call(String model, String suite, String item, long latency, Long ttft, int tokens) {
        return event(call(ref(model, suite, item), latency, ttft, tokens, null));
    }

    SyntheticLedger failedCall(String model, String suite, String item, String kind) {
        return failedCall(model, suite, item, kind, 5);
    }

    SyntheticLedger failedCall(String model, String suite, String item, String kind, long latency) {
        return event(call(ref(model, suite, item), latency, null, null, kind));
    }

    SyntheticLedger score(String model, String suite, String item, double score, double weight) {
        return event(new RunEvent.Score(Stamp.now("r"), ref(model, suite, item), score, 70, score >= 70, weight,
                score * weight, List.of(), null, null, null));
    }

    SyntheticLedger event(RunEvent event) {
        lines.add(RecordCodec.encode(event));
        return this;
    }

    /** A line that is no event (junk, a torn line). */
    SyntheticLedger raw(String line) {
        lines.add(line);
        return this;
    }

    /** The lines so far. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    Path writeTo(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines);
        return file;
    }
}
