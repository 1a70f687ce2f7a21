package org.llmbench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One record of a public benchmark file as a {@link Question} ({@link PublicFormats} reads the files): the fixed
 * zero-shot prompt template of its format, the dataset's solution or answer as the reference, and the fields its
 * objective check reads.
 */
final class PublicQuestions {

    static final String HUMANEVAL_TEMPLATE = "Complete the following Python function. Reply with the complete function"
            + " in one ```python code block.\n\n```python\n{prompt}```";
    static final String MBPP_TEMPLATE = "You are an expert Python programmer, and here is your task: {text}"
            + " Your code should pass these tests:\n\n{tests}\n\nReply with the code in one ```python code block.";
    static final String GSM8K_TEMPLATE = "Solve the following math problem step by step. End your reply with a line"
            + " of the form \"#### N\" where N is the final answer as a number.\n\n{question}";
    static final String MMLU_TEMPLATE = "The following is a multiple choice question. Reply with the letter of the"
            + " correct answer only.\n\n{question}\n{choices}\nAnswer:";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> PYTHON_CALLS = Set.of("set", "sorted", "list", "tuple", "abs", "round", "str",
            "int", "float", "len", "bool", "dict", "frozenset", "math", "isclose", "sum", "min", "max", "any", "all");

    private PublicQuestions() {
    }

    /** A HumanEval record: the prompt to complete, its whole check one test. */
    static Question humanEval(JsonNode n, int line) {
        String prompt = n.get("prompt").asText();
        ObjectNode extra = JSON.objectNode();
        extra.put("tests", n.get("test").asText());
        extra.put("entry_point", n.get("entry_point").asText());
        extra.put("language", "python");
        extra.put("test_scoring", "all"); // HumanEval counts a problem as passed only when its whole test passes
        extra.put("code_prefix", prompt);
        return question(n.get("task_id").asText(), HUMANEVAL_TEMPLATE.replace("{prompt}", prompt),
                n.get("canonical_solution").asText(), "humaneval", line, extra);
    }

    /** An MBPP record: the task and its assert lines in the prompt, each assert a test. */
    static Question mbpp(SuiteOrigin origin, JsonNode n, int line) throws SuiteException {
        String code = n.get("code").asText().replace("\r\n", "\n");
        List<String> tests = new ArrayList<>();
        n.get("test_list").forEach(t -> tests.add(t.asText().strip()));
        if (tests.isEmpty()) {
            throw new SuiteException(origin, line, 1, "test_list", "has no tests");
        }
        String entry = entryPoint(code, tests.get(0));
        if (entry == null) {
            throw new SuiteException(origin, line, 1, "test_list", "names no function that the code defines");
        }
        ObjectNode extra = JSON.objectNode();
        tests.forEach(extra.putArray("tests")::add);
        extra.put("entry_point", entry);
        extra.put("language", "python");
        extra.put("test_scoring", "all"); // as published MBPP figures count it: a problem passes when all its tests do
        String setup = n.path("test_setup_code").asText("");
        if (!setup.isBlank()) {
            extra.put("code_prefix", setup + "\n");
        }
        String prompt = MBPP_TEMPLATE.replace("{text}", n.get("text").asText()).replace("{tests}", String.join("\n", tests));
        String id = n.has("task_id") ? n.get("task_id").asText() : String.valueOf(line);
        return question(id, prompt, "```python\n" + code + "\n```", "mbpp", line, extra);
    }

    /** The function the tests call that the reference code defines. */
    static String entryPoint(String code, String test) {
        var defs = java.util.regex.Pattern.compile("(?m)^def\\s+([A-Za-z_]\\w*)\\s*\\(").matcher(code);
        List<String> names = new ArrayList<>();
        while (defs.find()) {
            names.add(defs.group(1));
        }
        var calls = java.util.regex.Pattern.compile("([A-Za-z_]\\w*)\\s*\\(").matcher(test);
        while (calls.find()) {
            if (!PYTHON_CALLS.contains(calls.group(1)) && names.contains(calls.group(1))) {
                return calls.group(1);
            }
        }
        return null;
    }

    /** A GSM8K record: the number after {@code ####} is the answer. */
    static Question gsm8k(JsonNode n, int index, int line) {
        String answer = n.get("answer").asText();
        String expected = answer.substring(answer.lastIndexOf("####") + 4).strip();
        ObjectNode extra = JSON.objectNode();
        extra.put("answer", expected);
        extra.put("answer_match", "number");
        String id = n.has("id") ? n.get("id").asText() : String.valueOf(index);
        return question(id, GSM8K_TEMPLATE.replace("{question}", n.get("question").asText()), answer, "gsm8k", line, extra);
    }

    /** An MMLU question (a JSONL record or a CSV row): lettered choices; the answer letter, null when it names no choice. */
    static Question mmlu(String question, List<String> choices, String letter, String id, int line) {
        ObjectNode extra = JSON.objectNode();
        var list = extra.putArray("choices");
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < choices.size(); i++) {
            list.add(choices.get(i));
            shown.append((char) ('A' + i)).append(". ").append(choices.get(i)).append('\n');
        }
        String answer = letter != null && letter.length() == 1 && letter.charAt(0) - 'A' < choices.size() ? letter : null;
        extra.put("answer", answer);
        String prompt = MMLU_TEMPLATE.replace("{question}", question).replace("{choices}\n", shown.toString());
        return question(id, prompt, answer, "mmlu", line, extra);
    }

    /** An MMLU record's choices as text. */
    static List<String> choices(JsonNode node) {
        List<String> choices = new ArrayList<>();
        node.forEach(c -> choices.add(c.asText()));
        return choices;
    }

    /** An answer given as a letter or as a 0-based index. */
    static String letter(JsonNode answer) {
        if (answer == null) {
            return null;
        }
        if (answer.isIntegralNumber() || answer.asText().matches("\\d")) {
            int i = answer.asInt();
            return i >= 0 && i < 26 ? String.valueOf((char) ('A' + i)) : null;
        }
        String t = answer.asText().strip().toUpperCase(java.util.Locale.ROOT);
        return t.matches("[A-Z]") ? t : null;
    }

    private static Question question(String datasetId, String prompt, String reference, String format, int line,
                                     ObjectNode fields) {
        String id = datasetId.replaceAll("[^A-Za-z0-9_.-]", "_");
        id = id.isEmpty() ? String.valueOf(line) : id.length() > 64 ? id.substring(0, 64) : id;
        fields.put("dataset_id", datasetId);
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        fields.fields().forEachRemaining(e -> extra.put(e.getKey(), e.getValue()));
        return new Question(id, prompt, List.of(), null, null, 1.0, reference, List.of(format), line, 1, Map.copyOf(extra));
    }
}
