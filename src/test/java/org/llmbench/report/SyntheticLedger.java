package org.llmbench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds a run.jsonl by hand, line by line, so report figures can be checked against known inputs. */
final class SyntheticLedger {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final List<String> lines = new ArrayList<>();

    private static ObjectNode event(String type, String model, String suite, String item) {
        ObjectNode e = MAPPER.createObjectNode().put("schema_version", 1).put("event", type).put("run_id", "r");
        e.put("test_id", "[engine:llm-bench]/[model:" + model + "]/[suite:" + suite + "]/[question:" + item + "]");
        return e.put("model", model).put("suite", suite).put("item", item).put("category", suite);
    }

    /** A successful call; ttft may be null. */
    SyntheticLedger call(String model, String suite, String item, long latency, Long ttft, int tokens) {
        ObjectNode e = event("call", model, suite, item).put("latency_ms", latency).put("completion_tokens", tokens)
                .put("completion_tokens_per_s", tokens * 1000.0 / latency).put("raw_output", "answer to " + item);
        e.putNull("error_kind");
        if (ttft != null) {
            e.put("ttft_ms", ttft);
        }
        lines.add(e.toString());
        return this;
    }

    SyntheticLedger failedCall(String model, String suite, String item, String kind) {
        lines.add(event("call", model, suite, item).put("latency_ms", 5).put("error_kind", kind).put("error", "boom").toString());
        return this;
    }

    SyntheticLedger score(String model, String suite, String item, double score, double weight) {
        lines.add(event("score", model, suite, item).put("score", score).put("pass_mark", 70).put("passed", score >= 70)
                .put("weight", weight).put("weighted_score", score * weight).toString());
        return this;
    }

    SyntheticLedger raw(String line) {
        lines.add(line);
        return this;
    }

    Path writeTo(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines);
        return file;
    }
}
