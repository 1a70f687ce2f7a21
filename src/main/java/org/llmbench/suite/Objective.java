package org.llmbench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objective checks of a suite question, read from its optional fields: an expected {@code answer} with its
 * {@code answer_match} rule, {@code choices} with the correct label as {@code answer}, or executable {@code tests}.
 *
 * @param answer the expected answer (a text, a number, a regular expression or a choice label), or null
 * @param match how {@code answer} is compared; {@link AnswerRule#CHOICE} when the question has choices
 * @param choices label to choice text, in order; empty unless multiple choice
 * @param tests the executable tests, or null
 * @param methods the scoring methods that read the answer, headline first; null: llm-bench's one reading
 */
public record Objective(String answer, AnswerRule match, Map<String, String> choices, CodeTests tests, MethodPlan methods) {

    /** The fields this record is read from (kept in {@link Question#extra()}). */
    public static final List<String> FIELDS = List.of("answer", "answer_match", "choices", "tests", "entry_point",
            "language", "test_scoring", "code_prefix", "dataset_id", "methods", "prompt_format", "target", "answer_form");

    /** How an expected answer is compared with the model's. */
    public enum AnswerRule {
        EXACT("exact"), NUMBER("number"), REGEX("regex"), CHOICE("choice");

        private final String wireName;

        AnswerRule(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        static AnswerRule of(String name) {
            for (AnswerRule r : values()) {
                if (r.wireName.equals(name) && r != CHOICE) {
                    return r;
                }
            }
            return null;
        }
    }

    /** Whether the question has any objective check. */
    public boolean any() {
        return answer != null || tests != null;
    }

    /** The objective checks of a question (none when it has no such fields); the loader has validated them. */
    public static Objective of(Question question) {
        try {
            return read(question.extra());
        } catch (IllegalArgumentException e) {
            return new Objective(null, null, Map.of(), null, null);
        }
    }

    /** Reads the fields; a bad one is an {@link IllegalArgumentException} whose message starts with the field name. */
    static Objective read(Map<String, JsonNode> f) {
        Map<String, String> choices = choices(f.get("choices"));
        JsonNode answerNode = f.get("answer");
        String answer = null;
        if (answerNode != null && !answerNode.isNull()) {
            if (!answerNode.isTextual() && !answerNode.isNumber()) {
                throw new IllegalArgumentException("answer: must be a string or a number");
            }
            answer = answerNode.asText();
        }
        AnswerRule rule = null;
        if (!choices.isEmpty()) {
            if (answer == null || !choices.containsKey(answer.strip().toUpperCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("answer: must be one of the choice labels " + choices.keySet());
            }
            answer = answer.strip().toUpperCase(java.util.Locale.ROOT);
            rule = AnswerRule.CHOICE;
        } else if (answer != null) {
            String name = text(f, "answer_match", "exact");
            rule = AnswerRule.of(name);
            if (rule == null) {
                throw new IllegalArgumentException("answer_match: must be one of [exact, number, regex]");
            }
            if (rule == AnswerRule.REGEX) {
                try {
                    java.util.regex.Pattern.compile(answer);
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new IllegalArgumentException("answer: not a valid regular expression");
                }
            }
            if (rule == AnswerRule.NUMBER && org.llmbench.suite.Numbers.parse(answer) == null) {
                throw new IllegalArgumentException("answer: must be a number for answer_match number");
            }
        } else if (f.containsKey("answer_match")) {
            throw new IllegalArgumentException("answer_match: needs an answer");
        }
        CodeTests tests = CodeTests.read(f);
        return new Objective(answer, rule, choices, tests, MethodPlan.read(f, rule, tests));
    }

    /** Validates a question's objective fields, naming the field and its line. */
    static void check(Map<String, JsonNode> fields, Map<String, com.fasterxml.jackson.core.JsonLocation> where,
                      com.fasterxml.jackson.core.JsonLocation start, String path, RunFields.Errors errors) {
        try {
            read(fields);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            String name = message.substring(0, message.indexOf(':'));
            errors.at(where.getOrDefault(name, start), path + "." + name, message.substring(name.length() + 2));
        }
    }

    private static Map<String, String> choices(JsonNode node) {
        Map<String, String> choices = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return choices;
        }
        if (node.isArray()) {
            if (node.size() < 2 || node.size() > 26) {
                throw new IllegalArgumentException("choices: must list 2 to 26 choices");
            }
            for (int i = 0; i < node.size(); i++) {
                choices.put(String.valueOf((char) ('A' + i)), choiceText(node.get(i)));
            }
        } else if (node.isObject()) {
            List<String> labels = new ArrayList<>();
            node.fieldNames().forEachRemaining(labels::add);
            for (String label : labels) {
                if (!label.matches("[A-Z]")) {
                    throw new IllegalArgumentException("choices: labels must be single capital letters, not '" + label + "'");
                }
                choices.put(label, choiceText(node.get(label)));
            }
            if (choices.size() < 2) {
                throw new IllegalArgumentException("choices: must list at least 2 choices");
            }
        } else {
            throw new IllegalArgumentException("choices: must be a list or an object of label to text");
        }
        return java.util.Collections.unmodifiableMap(choices);
    }

    private static String choiceText(JsonNode n) {
        if (n == null || !(n.isTextual() || n.isNumber() || n.isBoolean())) {
            throw new IllegalArgumentException("choices: every choice must be a string");
        }
        return n.asText();
    }

    static String text(Map<String, JsonNode> f, String name, String otherwise) {
        JsonNode n = f.get(name);
        if (n == null || n.isNull()) {
            return otherwise;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException(name + ": must be a string");
        }
        return n.asText();
    }
}
