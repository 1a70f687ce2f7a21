package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.llmbench.scoring.Check;
import org.llmbench.scoring.CodeBlocks;
import org.llmbench.scoring.Score;

/**
 * Scores a raw answer to a task. Strict mode reads the envelope (a parse failure scores 0 with the parse error
 * as reason); free-text mode finds the same facts in the text: its first JSON value and its first code block.
 * Never throws, whatever the answer.
 */
public final class TaskScorer {

    /**
     * A scored answer.
     *
     * @param parse the envelope reading in strict mode, null in free-text mode
     * @param parsed what the graders saw, for the ledger (kept apart from the raw output)
     */
    public record Graded(Score score, ParsedEnvelope parse, JsonNode parsed) {
        public boolean parseOk() {
            return parse == null || parse.ok();
        }
    }

    private TaskScorer() {
    }

    public static Graded score(Task task, String raw, boolean strict, double passMark) {
        String text = raw == null ? "" : raw;
        ParsedEnvelope parse = strict ? EnvelopeParser.parse(text) : null;
        if (parse != null && !parse.ok()) {
            return new Graded(Score.of(List.of(Check.failed("strict-json envelope", 1, parse.error())), passMark), parse, null);
        }
        Answer answer = parse != null ? parse.answer() : freeText(task, text);
        List<Check> checks;
        try {
            checks = task.grader().grade(answer);
        } catch (RuntimeException e) {
            checks = List.of(Check.failed("grader", 1, "the answer could not be graded: " + TaskJson.clip(e.toString())));
        }
        return new Graded(Score.of(checks, passMark), parse, describe(answer));
    }

    static Answer freeText(Task task, String text) {
        JsonNode json = EnvelopeParser.findJson(text).orElse(null);
        Set<String> languages = task.id().contains("python") ? Set.of("python", "py", "python3") : Set.of("java");
        String code = CodeBlocks.first(text, languages).orElse(null);
        if (code == null && json != null && json.path("fixed_code").isTextual()) {
            code = json.path("fixed_code").asText();
        }
        return new Answer(text, code == null ? text : code, json, false);
    }

    private static JsonNode describe(Answer answer) {
        var node = TaskJson.object().put("final", answer.finalText());
        if (answer.code() != null) {
            node.put("code", answer.code());
        }
        if (answer.json() != null) {
            node.set("json", answer.json());
        }
        return node;
    }
}
