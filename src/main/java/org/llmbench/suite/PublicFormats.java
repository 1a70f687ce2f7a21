package org.llmbench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.llmbench.json.Json;

/**
 * Reads the public benchmark files as they are published (HumanEval JSONL, MBPP JSONL, GSM8K JSONL, MMLU CSV or
 * JSONL, each optionally gzipped) into a {@link Suite}: the shape is recognised from the first record's fields, the
 * suite id is the file name, each question keeps its dataset id, and the prompt is one fixed template per format
 * (zero-shot, one user message) so a run is reproducible. The reference answer (what the mock oracle sends) is the
 * dataset's own solution or answer.
 */
public final class PublicFormats {

    /** File endings read by this class rather than as a suite JSON file, longest first. */
    public static final List<String> ENDINGS = List.of(".jsonl.gz", ".csv.gz", ".jsonl", ".csv");

    /** The formats recognised. */
    public enum Format { HUMANEVAL, MBPP, GSM8K, MMLU }

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

    private PublicFormats() {
    }

    /** Whether a file is read by this class (by its ending): a suite JSON file is not. */
    public static boolean recognises(SuiteOrigin origin) {
        String name = name(origin);
        return ENDINGS.stream().anyMatch(name::endsWith);
    }

    /** Reads one file; a record that fits no format, or a broken one, is a {@link SuiteException} with its line. */
    public static Suite read(SuiteOrigin origin) throws SuiteException {
        String name = name(origin);
        try (InputStream raw = origin.open();
             InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean csv = name.endsWith(".csv") || name.endsWith(".csv.gz");
            List<Question> questions = csv ? mmluCsv(origin, reader) : jsonl(origin, reader);
            if (questions.isEmpty()) {
                throw new SuiteException(origin, 1, 1, null, "the file holds no questions");
            }
            String format = questions.get(0).tags().get(0);
            Map<String, JsonNode> extra = Map.of("format", JSON.textNode(format));
            return new Suite(origin.suiteId(), origin.suiteId(), null, format + " file read as it is", origin,
                    List.copyOf(questions), extra);
        } catch (IOException e) {
            throw new SuiteException(origin, 1, 1, null, "cannot read: " + e.getMessage());
        }
    }

    private static List<Question> jsonl(SuiteOrigin origin, BufferedReader reader) throws IOException, SuiteException {
        List<Question> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Format format = null;
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(line);
            } catch (IOException e) {
                throw new SuiteException(origin, lineNo, 1, null, "invalid JSON line");
            }
            if (node == null || !node.isObject()) {
                throw new SuiteException(origin, lineNo, 1, null, "each line must hold one JSON object");
            }
            Format shape = shape(node);
            if (shape == null) {
                throw new SuiteException(origin, lineNo, 1, null, "fields " + fieldNames(node) + " fit none of the formats:"
                        + " HumanEval (task_id, prompt, canonical_solution, test, entry_point), MBPP (task_id, text, code,"
                        + " test_list), GSM8K (question, answer ending in '#### n'), MMLU (question, choices, answer)");
            }
            if (format != null && shape != format) {
                throw new SuiteException(origin, lineNo, 1, null, "a " + shape + " record in a " + format + " file");
            }
            format = shape;
            int n = questions.size() + 1;
            Question q = switch (shape) {
                case HUMANEVAL -> humanEval(node, lineNo);
                case MBPP -> mbpp(origin, node, lineNo);
                case GSM8K -> gsm8k(node, n, lineNo);
                case MMLU -> mmlu(node.path("question").asText(), choices(node.get("choices")), letter(node.get("answer")),
                        node.has("id") ? node.get("id").asText() : String.valueOf(n), lineNo);
            };
            if (q.referenceAnswer() == null) {
                throw new SuiteException(origin, lineNo, 1, "answer", "not a choice label or index");
            }
            checkObjective(origin, q, lineNo);
            questions.add(unique(q, ids));
        }
        return questions;
    }

    static Format shape(JsonNode n) {
        if (has(n, "task_id", "prompt", "canonical_solution", "test", "entry_point")) {
            return Format.HUMANEVAL;
        }
        if (has(n, "text", "code", "test_list") && n.get("test_list").isArray()) {
            return Format.MBPP;
        }
        if (has(n, "question", "choices", "answer") && n.get("choices").isArray()) {
            return Format.MMLU;
        }
        if (has(n, "question", "answer") && n.get("answer").isTextual() && n.get("answer").asText().contains("####")) {
            return Format.GSM8K;
        }
        return null;
    }

    private static Question humanEval(JsonNode n, int line) {
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

    private static Question mbpp(SuiteOrigin origin, JsonNode n, int line) throws SuiteException {
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

    private static Question gsm8k(JsonNode n, int index, int line) {
        String answer = n.get("answer").asText();
        String expected = answer.substring(answer.lastIndexOf("####") + 4).strip();
        ObjectNode extra = JSON.objectNode();
        extra.put("answer", expected);
        extra.put("answer_match", "number");
        String id = n.has("id") ? n.get("id").asText() : String.valueOf(index);
        return question(id, GSM8K_TEMPLATE.replace("{question}", n.get("question").asText()), answer, "gsm8k", line, extra);
    }

    private static Question mmlu(String question, List<String> choices, String letter, String id, int line) {
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

    private static List<String> choices(JsonNode node) {
        List<String> choices = new ArrayList<>();
        node.forEach(c -> choices.add(c.asText()));
        return choices;
    }

    /** An answer given as a letter or as a 0-based index. */
    private static String letter(JsonNode answer) {
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

    /** MMLU as published: no header, six columns (question, four choices, the answer letter); a header row is skipped. */
    private static List<Question> mmluCsv(SuiteOrigin origin, BufferedReader reader) throws IOException, SuiteException {
        List<Question> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        CsvRows csv = new CsvRows(origin, reader);
        List<String> row;
        while ((row = csv.next()) != null) {
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (questions.isEmpty() && row.size() >= 6 && row.get(0).strip().equalsIgnoreCase("question")) {
                continue;
            }
            if (row.size() < 4) {
                throw new SuiteException(origin, csv.rowLine(), 1, null,
                        "an MMLU row has the question, the choices and the answer letter (" + row.size() + " columns here)");
            }
            String letter = letter(JSON.textNode(row.get(row.size() - 1)));
            Question q = mmlu(row.get(0), row.subList(1, row.size() - 1), letter, String.valueOf(questions.size() + 1),
                    csv.rowLine());
            if (q.referenceAnswer() == null) {
                throw new SuiteException(origin, csv.rowLine(), row.size(), "answer", "the last column must be a choice letter");
            }
            checkObjective(origin, q, csv.rowLine());
            questions.add(unique(q, ids));
        }
        return questions;
    }

    /**
     * A record whose check cannot be built (a GSM8K answer that is no number) is an error: a question without its
     * objective check would give points for any non-empty answer.
     */
    private static void checkObjective(SuiteOrigin origin, Question q, int line) throws SuiteException {
        try {
            if (!Objective.read(q.extra()).any()) {
                throw new IllegalArgumentException("answer: missing");
            }
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(':');
            throw new SuiteException(origin, line, 1, colon < 0 ? null : message.substring(0, colon),
                    colon < 0 ? message : message.substring(colon + 2));
        }
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

    private static Question unique(Question q, Set<String> ids) {
        String id = q.id();
        for (int k = 2; !ids.add(id); k++) {
            id = q.id() + "." + k;
        }
        return id.equals(q.id()) ? q : new Question(id, q.prompt(), q.requiredMarkers(), q.formatRule(), q.passScore(),
                q.weight(), q.referenceAnswer(), q.tags(), q.line(), q.column(), q.extra());
    }

    private static boolean has(JsonNode n, String... fields) {
        for (String f : fields) {
            if (!n.hasNonNull(f)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names.size() > 8 ? names.subList(0, 8) : names;
    }

    private static String name(SuiteOrigin origin) {
        String name = origin.isFile() ? origin.file().getFileName().toString() : origin.classpathResource();
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
