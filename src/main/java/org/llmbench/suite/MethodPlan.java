package org.llmbench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scoring methods a question is read by, headline first, and what they need beyond its objective check: read
 * from the question's {@code methods}, {@code prompt_format}, {@code target} and {@code answer_form} fields (the
 * public formats set them; a suite question may too).
 *
 * @param methods every method to score and record, the headline first
 * @param promptFormat how the question was put to the model, in words (recorded beside every score)
 * @param target what lm-eval's exact match compares against (GSM8K: the dataset's whole answer); null: the answer
 * @param answerForm {@code completion} when the answer continues the code prefix (a completion prompt),
 *                   {@code solution} when it is a whole program the prefix only stubbed, null when the prefix is
 *                   setup code every program starts with
 */
public record MethodPlan(List<ScoringMethod> methods, String promptFormat, String target, String answerForm) {

    public MethodPlan {
        methods = List.copyOf(methods);
    }

    /** The headline: the first method. */
    public ScoringMethod headline() {
        return methods.get(0);
    }

    /** The plan a question's fields give, or null when they name no methods; a bad field is an IllegalArgumentException. */
    static MethodPlan read(Map<String, JsonNode> f, Objective.AnswerRule rule, CodeTests tests) {
        JsonNode node = f.get("methods");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException("methods: must be a non-empty list of " + ScoringMethod.names());
        }
        ScoringMethod.Kind kind = rule == Objective.AnswerRule.NUMBER ? ScoringMethod.Kind.NUMBER
                : rule == Objective.AnswerRule.CHOICE ? ScoringMethod.Kind.CHOICE
                : tests != null && tests.language() == CodeTests.Language.PYTHON ? ScoringMethod.Kind.CODE : null;
        List<ScoringMethod> methods = new ArrayList<>();
        for (JsonNode n : node) {
            ScoringMethod m = ScoringMethod.of(n.asText());
            if (!n.isTextual() || m == null) {
                throw new IllegalArgumentException("methods: '" + n.asText() + "' is none of " + ScoringMethod.names());
            }
            if (m.kind() != kind) {
                throw new IllegalArgumentException("methods: " + m.wireName() + " reads "
                        + m.kind().name().toLowerCase(java.util.Locale.ROOT) + " answers; this question "
                        + (kind == null ? "has none of those checks" : "is scored by " + kind.name().toLowerCase(java.util.Locale.ROOT)));
            }
            if (!methods.contains(m)) {
                methods.add(m);
            }
        }
        String form = Objective.text(f, "answer_form", null);
        if (form != null && !form.equals("completion") && !form.equals("solution")) {
            throw new IllegalArgumentException("answer_form: must be completion or solution");
        }
        return new MethodPlan(methods, Objective.text(f, "prompt_format", null), Objective.text(f, "target", null), form);
    }
}
