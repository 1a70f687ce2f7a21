package org.llmbench.suite;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.llmbench.json.Json;

/**
 * Reads a suite file with Jackson's streaming parser, so every question and field keeps its line.
 *
 * <p>A tree model would lose positions; here each field's location is taken from the token stream and
 * only the field's value is read as a tree. Every check runs even after one fails, so one pass names every
 * problem of the file (only JSON that does not parse stops the reading at its first error).
 */
public final class SuiteLoader {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Set<String> SUITE_FIELDS = Set.of("suite_name", "version", "purpose", "models", "questions");
    private static final Set<String> QUESTION_FIELDS = Set.of("id", "prompt", "required_markers", "format_rule",
            "pass_score", "weight", "reference_answer", "tags");

    private SuiteLoader() {
    }

    /**
     * Reads and validates one suite; the exception names file, line and field of the first problem and
     * carries every other one ({@link SuiteException#problems()}).
     */
    public static Suite load(SuiteOrigin origin) throws SuiteException {
        return load(origin, PromptStyle.DEFAULT);
    }

    /** {@link #load(SuiteOrigin)}, public benchmark files asked as the style says. */
    public static Suite load(SuiteOrigin origin, PromptStyle style) throws SuiteException {
        if (PublicFormats.recognises(origin)) {
            return PublicFormats.read(origin, style); // HumanEval, MBPP, GSM8K, MMLU files, read as they are
        }
        try (InputStream in = origin.open(); JsonParser parser = Json.MAPPER.createParser(in)) {
            Reader reader = new Reader(origin, parser);
            Suite suite = reader.suite();
            if (!reader.problems.isEmpty()) {
                // Checks run field by field, suite fields after the questions: report them in file order.
                List<SuiteException> sorted = new ArrayList<>(reader.problems);
                sorted.sort(java.util.Comparator.comparingInt(SuiteException::line).thenComparingInt(SuiteException::column));
                throw SuiteException.of(sorted);
            }
            return suite;
        } catch (JsonParseException e) {
            JsonLocation loc = e.getLocation();
            throw new SuiteException(origin, loc == null ? 1 : loc.getLineNr(), loc == null ? 1 : loc.getColumnNr(),
                    null, "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SuiteException(origin, 1, 1, null, "cannot read: " + e.getMessage());
        }
    }

    /** Every problem of one suite file, in file order; empty when the suite loads. */
    public static List<SuiteException> problems(SuiteOrigin origin) {
        try {
            load(origin);
            return List.of();
        } catch (SuiteException e) {
            return e.problems();
        }
    }


    /** A check that may find a problem. */
    @FunctionalInterface
    private interface Check<T> {
        T run() throws SuiteException;
    }

    /** One pass over one file, collecting its problems. */
    private static final class Reader {
        private final SuiteOrigin origin;
        private final JsonParser parser;
        private final List<SuiteException> problems = new ArrayList<>();

        Reader(SuiteOrigin origin, JsonParser parser) {
            this.origin = origin;
            this.parser = parser;
        }

        /** The suite, or null when a problem was found (then {@link #problems} holds them all). */
        Suite suite() throws IOException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                problems.add(error(parser.currentTokenLocation(), null, "a suite file must hold one JSON object"));
                return null;
            }
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            Map<String, JsonLocation> where = new LinkedHashMap<>();
            List<Question> questions = null;
            JsonLocation questionsAt = null;
            boolean questionsComplete = true;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                where.put(name, parser.currentTokenLocation());
                parser.nextToken();
                if (name.equals("questions")) {
                    questionsAt = parser.currentTokenLocation();
                    int before = problems.size();
                    questions = questions();
                    questionsComplete = problems.size() == before;
                } else {
                    fields.put(name, parser.readValueAsTree());
                }
            }
            JsonLocation start = new JsonLocation(null, 0, 1, 1);
            String suiteName = attempt(() -> requiredText(fields, where, "suite_name", start, null));
            String version = attempt(() -> optionalText(fields, where, "version", null));
            String purpose = attempt(() -> optionalText(fields, where, "purpose", null));
            if (questions == null) {
                if (questionsAt == null) {
                    problems.add(error(start, "questions", "missing (an array of question objects)"));
                }
            } else if (questions.isEmpty() && questionsComplete) {
                problems.add(error(questionsAt, "questions", "the suite has no questions"));
            }
            RunFields.check(fields, where, questions == null ? List.of() : questions, questionsComplete && questions != null,
                    (at, field, reason) -> problems.add(error(at, field, reason)));
            if (!problems.isEmpty()) {
                return null;
            }
            Map<String, JsonNode> extra = new LinkedHashMap<>(fields);
            extra.keySet().removeAll(SUITE_FIELDS);
            return new Suite(origin.suiteId(), suiteName, version, purpose, origin, List.copyOf(questions), Map.copyOf(extra));
        }

        /** The well-formed questions; null when the field is not an array. */
        private List<Question> questions() throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                problems.add(error(parser.currentTokenLocation(), "questions", "must be an array of question objects"));
                parser.skipChildren();
                return null;
            }
            List<Question> questions = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                String path = "questions[" + index++ + "]";
                JsonLocation start = parser.currentTokenLocation();
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    problems.add(error(start, path, "must be an object"));
                    parser.skipChildren();
                    continue;
                }
                Question q = question(path, start);
                if (q == null) {
                    continue;
                }
                if (!ids.add(q.id())) {
                    problems.add(error(start, path + ".id", "duplicate id '" + q.id() + "'"));
                    continue;
                }
                questions.add(q);
            }
            return questions;
        }

        /** One question, or null when it has a problem (each of its problems is recorded). */
        private Question question(String path, JsonLocation start) throws IOException {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            Map<String, JsonLocation> where = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                where.put(name, parser.currentTokenLocation());
                parser.nextToken();
                fields.put(name, parser.readValueAsTree());
            }
            int before = problems.size();
            String id = attempt(() -> {
                String text = requiredText(fields, where, "id", start, path);
                if (!ID.matcher(text).matches()) {
                    throw error(where.get("id"), path + ".id", "'" + text + "' must match " + ID.pattern());
                }
                return text;
            });
            String prompt = attempt(() -> requiredText(fields, where, "prompt", start, path));
            FormatRule rule = attempt(() -> {
                String ruleName = optionalText(fields, where, "format_rule", path);
                if (ruleName == null) {
                    return null;
                }
                return FormatRule.fromWireName(ruleName).orElseThrow(() -> error(where.get("format_rule"),
                        path + ".format_rule", "'" + ruleName + "' is not one of "
                                + java.util.Arrays.stream(FormatRule.values()).map(FormatRule::wireName).toList()));
            });
            Double passScore = attempt(() -> number(fields, where, "pass_score", path, 0, 100));
            Double weight = attempt(() -> number(fields, where, "weight", path, 0, 1000));
            List<String> markers = attempt(() -> strings(fields, where, "required_markers", path));
            String reference = attempt(() -> optionalText(fields, where, "reference_answer", path));
            List<String> tags = attempt(() -> strings(fields, where, "tags", path));
            Objective.check(fields, where, start, path, (at, field, reason) -> problems.add(error(at, field, reason)));
            if (problems.size() > before) {
                return null;
            }
            Map<String, JsonNode> extra = new LinkedHashMap<>(fields);
            extra.keySet().removeAll(QUESTION_FIELDS);
            return new Question(id, prompt, markers, rule, passScore, weight == null ? 1.0 : weight, reference,
                    tags, start.getLineNr(), start.getColumnNr(), Map.copyOf(extra));
        }

        /** Runs one check; a problem is recorded and the check's value is null. */
        private <T> T attempt(Check<T> check) {
            try {
                return check.run();
            } catch (SuiteException e) {
                problems.add(e);
                return null;
            }
        }

        private String requiredText(Map<String, JsonNode> f, Map<String, JsonLocation> w, String name,
                                    JsonLocation start, String path) throws SuiteException {
            String value = optionalText(f, w, name, path);
            if (value == null || value.isBlank()) {
                throw error(w.getOrDefault(name, start), field(path, name), f.containsKey(name) ? "must not be empty" : "missing");
            }
            return value;
        }

        private String optionalText(Map<String, JsonNode> f, Map<String, JsonLocation> w, String name, String path)
                throws SuiteException {
            JsonNode node = f.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isTextual()) {
                throw error(w.get(name), field(path, name), "must be a string, not " + node.getNodeType().name().toLowerCase());
            }
            return node.asText();
        }

        private Double number(Map<String, JsonNode> f, Map<String, JsonLocation> w, String name, String path,
                              double min, double max) throws SuiteException {
            JsonNode node = f.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isNumber() || node.asDouble() < min || node.asDouble() > max) {
                throw error(w.get(name), field(path, name), "must be a number from " + min + " to " + max);
            }
            return node.asDouble();
        }

        private List<String> strings(Map<String, JsonNode> f, Map<String, JsonLocation> w, String name, String path)
                throws SuiteException {
            JsonNode node = f.get(name);
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw error(w.get(name), field(path, name), "must be an array of strings");
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isTextual() || node.get(i).asText().isEmpty()) {
                    throw error(w.get(name), field(path, name) + "[" + i + "]", "must be a non-empty string");
                }
                values.add(node.get(i).asText());
            }
            return List.copyOf(values);
        }

        private static String field(String path, String name) {
            return path == null ? name : path + "." + name;
        }

        private SuiteException error(JsonLocation at, String field, String reason) {
            return new SuiteException(origin, at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(), field, reason);
        }
    }
}
