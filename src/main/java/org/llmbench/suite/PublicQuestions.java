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

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> PYTHON_CALLS = Set.of("set", "sorted", "list", "tuple", "abs", "round", "str",
            "int", "float", "len", "bool", "dict", "frozenset", "math", "isclose", "sum", "min", "max", "any", "all");

    private PublicQuestions() {
    }

    /**
     * A HumanEval record: the prompt to complete, its whole check one test. Asked as it is (reference), the answer
     * is a completion and the reference answer the canonical body; asked to reply with the function (instruct), it is
     * a whole solution and the reference answer the full function in a fenced block, so every method's oracle passes.
     */
    static Question humanEval(JsonNode n, int line, PublicPrompts prompts) throws SuiteException {
        String prompt = n.get("prompt").asText();
        ObjectNode extra = methods(prompts, PublicFormats.Format.HUMANEVAL);
        extra.put("answer_form", prompts.reference() ? "completion" : "solution");
        extra.put("tests", n.get("test").asText());
        extra.put("entry_point", n.get("entry_point").asText());
        extra.put("language", "python");
        extra.put("test_scoring", "all"); // HumanEval counts a problem as passed only when its whole test passes
        extra.put("code_prefix", prompt);
        String body = n.get("canonical_solution").asText();
        return question(n.get("task_id").asText(), prompts.humanEval(prompt),
                prompts.reference() ? body : "```python\n" + prompt + body + (body.endsWith("\n") ? "" : "\n") + "```",
                "humaneval", line, extra);
    }

    /** An MBPP record: the task and its assert lines in the prompt, each assert a test. */
    static Question mbpp(SuiteOrigin origin, JsonNode n, int line, PublicPrompts prompts) throws SuiteException {
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
        ObjectNode extra = methods(prompts, PublicFormats.Format.MBPP);
        tests.forEach(extra.putArray("tests")::add);
        extra.put("entry_point", entry);
        extra.put("language", "python");
        extra.put("test_scoring", "all"); // as published MBPP figures count it: a problem passes when all its tests do
        String setup = n.path("test_setup_code").asText("");
        if (!setup.isBlank()) {
            extra.put("code_prefix", setup + "\n");
        }
        String prompt = prompts.mbpp(n.get("text").asText(), tests);
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

    /** A GSM8K record: the number after {@code ####} is the answer; lm-eval compares with the whole answer text. */
    static Question gsm8k(JsonNode n, int index, int line, PublicPrompts prompts) throws SuiteException {
        String answer = n.get("answer").asText();
        String expected = answer.substring(answer.lastIndexOf("####") + 4).strip();
        ObjectNode extra = methods(prompts, PublicFormats.Format.GSM8K);
        extra.put("answer", expected);
        extra.put("answer_match", "number");
        extra.put("target", answer);
        String id = n.has("id") ? n.get("id").asText() : String.valueOf(index);
        return question(id, prompts.gsm8k(n.get("question").asText()), answer, "gsm8k", line, extra);
    }

    /** An MMLU question (a JSONL record or a CSV row): lettered choices; the answer letter, null when it names no choice. */
    static Question mmlu(String question, List<String> choices, String letter, String id, int line, PublicPrompts prompts)
            throws SuiteException {
        ObjectNode extra = methods(prompts, PublicFormats.Format.MMLU);
        var list = extra.putArray("choices");
        choices.forEach(list::add);
        String answer = letter != null && letter.length() == 1 && letter.charAt(0) - 'A' < choices.size() ? letter : null;
        extra.put("answer", answer);
        return question(id, prompts.mmlu(question, choices), answer, "mmlu", line, extra);
    }

    /** The fields every public question carries: its methods, headline first, and its prompt format in words. */
    private static ObjectNode methods(PublicPrompts prompts, PublicFormats.Format format) throws SuiteException {
        ObjectNode extra = JSON.objectNode();
        prompts.methods(format).forEach(m -> extra.withArray("methods").add(m.wireName()));
        extra.put("prompt_format", prompts.label(format));
        return extra;
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
