package org.llmbench.suite;

import static org.llmbench.suite.PublicQuestions.choices;
import static org.llmbench.suite.PublicQuestions.gsm8k;
import static org.llmbench.suite.PublicQuestions.humanEval;
import static org.llmbench.suite.PublicQuestions.letter;
import static org.llmbench.suite.PublicQuestions.mbpp;
import static org.llmbench.suite.PublicQuestions.mmlu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.llmbench.json.Json;

/**
 * Reads the public benchmark files as they are published (HumanEval JSONL, MBPP JSONL, GSM8K JSONL, MMLU CSV or
 * JSONL, each optionally gzipped) into a {@link Suite}: the shape is recognised from the first record's fields, the
 * suite id is the file name, each question keeps its dataset id, and the prompt is fixed by the run's
 * {@link PromptStyle} (one user message; see {@link PublicPrompts}) so a run is reproducible. Each question names its
 * scoring methods, headline first, and its prompt format. The reference answer (what the mock oracle sends) is the
 * dataset's own solution or answer, in the form the prompt asks for.
 */
public final class PublicFormats {

    /** File endings read by this class rather than as a suite JSON file, longest first. */
    public static final List<String> ENDINGS = List.of(".jsonl.gz", ".csv.gz", ".jsonl", ".csv");

    /** The formats recognised. */
    public enum Format { HUMANEVAL, MBPP, GSM8K, MMLU }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PublicFormats() {
    }

    /** Whether a file is read by this class (by its ending): a suite JSON file is not. */
    public static boolean recognises(SuiteOrigin origin) {
        String name = name(origin);
        return ENDINGS.stream().anyMatch(name::endsWith);
    }

    /** Reads one file with llm-bench's own prompts ({@link PromptStyle#DEFAULT}). */
    public static Suite read(SuiteOrigin origin) throws SuiteException {
        return read(origin, PromptStyle.DEFAULT);
    }

    /**
     * Reads one file, its prompts and scoring methods as the style says; a record that fits no format, or a broken
     * one, is a {@link SuiteException} with its line, and so is a missing file of worked examples.
     */
    public static Suite read(SuiteOrigin origin, PromptStyle style) throws SuiteException {
        PublicPrompts prompts = new PublicPrompts(origin, style);
        String name = name(origin);
        try (InputStream raw = origin.open();
             InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean csv = name.endsWith(".csv") || name.endsWith(".csv.gz");
            List<Question> questions = csv ? mmluCsv(origin, reader, prompts) : jsonl(origin, reader, prompts);
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

    private static List<Question> jsonl(SuiteOrigin origin, BufferedReader reader, PublicPrompts prompts)
            throws IOException, SuiteException {
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
            JsonNode node = object(origin, line, lineNo);
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
                case HUMANEVAL -> humanEval(node, lineNo, prompts);
                case MBPP -> mbpp(origin, node, lineNo, prompts);
                case GSM8K -> gsm8k(node, n, lineNo, prompts);
                case MMLU -> mmlu(node.path("question").asText(), choices(node.get("choices")), letter(node.get("answer")),
                        node.has("id") ? node.get("id").asText() : String.valueOf(n), lineNo, prompts);
            };
            if (q.referenceAnswer() == null) {
                throw new SuiteException(origin, lineNo, 1, "answer", "not a choice label or index");
            }
            checkObjective(origin, q, lineNo);
            questions.add(unique(q, ids));
        }
        return questions;
    }

    /** One line of a JSONL file as its JSON object; anything else is an error naming the line. */
    static JsonNode object(SuiteOrigin origin, String line, int lineNo) throws SuiteException {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (IOException e) {
            throw new SuiteException(origin, lineNo, 1, null, "invalid JSON line");
        }
        if (node == null || !node.isObject()) {
            throw new SuiteException(origin, lineNo, 1, null, "each line must hold one JSON object");
        }
        return node;
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

    /** MMLU as published: no header, six columns (question, four choices, the answer letter); a header row is skipped. */
    private static List<Question> mmluCsv(SuiteOrigin origin, BufferedReader reader, PublicPrompts prompts)
            throws IOException, SuiteException {
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
                    csv.rowLine(), prompts);
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
