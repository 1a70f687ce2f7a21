package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The outcome of reading a strict-JSON answer: the envelope (null when none could be read), which recoveries
 * were needed to read it ({@code fenced_block}, {@code surrounding_prose}, {@code trailing_commas}, ...), and
 * the parse error when there is no envelope.
 */
public record ParsedEnvelope(JsonNode envelope, List<String> recoveries, String error) {

    public boolean ok() {
        return envelope != null;
    }

    /** The answer the graders see: the envelope's final text, code and JSON. */
    public Answer answer() {
        if (envelope == null) {
            return new Answer("", null, null, true);
        }
        JsonNode artifacts = envelope.path("artifacts");
        JsonNode json = artifacts.get("json");
        String code = text(artifacts.get("code"));
        if (code == null && json != null) {
            code = text(json.get("fixed_code")); // the code_fix answer as SPEC words it: {"fixed_code": "..."}
        }
        if (code == null) {
            code = text(envelope.get("fixed_code"));
        }
        return new Answer(text(envelope.get("final")), code, json == null || json.isNull() ? null : json, true);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isTextual() ? node.asText() : node.toString();
    }
}
