package org.llmbench.suite;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a suite file with Jackson's streaming parser, so every question and field keeps its line.
 *
 * <p>A tree model would lose positions; here each field's location is taken from the token stream and
 * only the field's value is read as a tree.
 */
public final class SuiteLoader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Set<String> SUITE_FIELDS = Set.of("suite_name", "version", "purpose", "models", "questions");
    private static final Set<String> QUESTION_FIELDS = Set.of("id", "prompt", "required_markers", "format_rule",
            "pass_score", "weight", "reference_answer", "tags");

    private SuiteLoader() {
    }

    /** Reads and validates one suite; the exception names file, line and field of the first problem. */
    public static Suite load(SuiteOrigin origin) throws SuiteException {
        if (PublicFormats.recognises(origin)) {
            return PublicFormats.read(origin); // HumanEval, MBPP, GSM8K, MMLU files, read as they are
        }
        try (InputStream in = open(origin); JsonParser parser = MAPPER.createParser(in)) {
            return new Reader(origin, parser).suite();
        } catch (JsonParseException e) {
            JsonLocation loc = e.getLocation();
            throw new SuiteException(origin, loc == null ? 1 : loc.getLineNr(), loc == null ? 1 : loc.getColumnNr(),
                    null, "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SuiteException(origin, 1, 1, null, "cannot read: " + e.getMessage());
        }
    }

    private static InputStream open(SuiteOrigin origin) throws IOException {
        if (origin.isFile()) {
            return Files.newInputStream(origin.file());
        }
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(origin.classpathResource());
        if (in == null) {
            throw new IOException("no such classpath resource");
        }
        return in;
    }

    /** One pass over one file. */
    private static final class Reader {
        private final SuiteOrigin origin;
        private final JsonParser parser;

        Reader(SuiteOrigin origin, JsonParser parser) {
            this.origin = origin;
            this.parser = parser;
        }

        Suite suite() throws IOException, SuiteException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw error(parser.currentTokenLocation(), null, "a suite file must hold one JSON object");
            }
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            Map<String, JsonLocation> where = new LinkedHashMap<>();
            List<Question> questions = null;
            JsonLocation questionsAt = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                where.put(name, parser.currentTokenLocation());
                parser.nextToken();
                if (name.equals("questions")) {
                    questionsAt = parser.currentTokenLocation();
                    questions = questions();
                } else {
                    fields.put(name, parser.readValueAsTree());
                }
            }
            JsonLocation start = new JsonLocation(null, 0, 1, 1);
            String suiteName = requiredText(fields, where, "suite_name", start);
            if (questions == null) {
                throw error(start, "questions", "missing (an array of question objects)");
            }
            if (questions.isEmpty()) {
                throw error(questionsAt, "questions", "the suite has no questions");
            }
            RunFields.check(fields, where, questions, this::error);
            Map<String, JsonNode> extra = new LinkedHashMap<>(fields);
            extra.keySet().removeAll(SUITE_FIELDS);
            return new Suite(origin.suiteId(), suiteName, optionalText(fields, where, "version"),
                    optionalText(fields, where, "purpose"), origin, List.copyOf(questions), Map.copyOf(extra));
        }

        private List<Question> questions() throws IOException, SuiteException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw error(parser.currentTokenLocation(), "questions", "must be an array of question objects");
            }
            List<Question> questions = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                String path = "questions[" + index++ + "]";
                JsonLocation start = parser.currentTokenLocation();
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    throw error(start, path, "must be an object");
                }
                Question q = question(path, start);
                if (!ids.add(q.id())) {
                    throw error(start, path + ".id", "duplicate id '" + q.id() + "'");
                }
                questions.add(q);
            }
            return questions;
        }

        private Question question(String path, JsonLocation start) throws IOException, SuiteException {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            Map<String, JsonLocation> where = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                where.put(name, parser.currentTokenLocation());
                parser.nextToken();
                fields.put(name, parser.readValueAsTree());
            }
            String id = requiredText(fields, where, "id", start, path);
            if (!ID.matcher(id).matches()) {
                throw error(where.get("id"), path + ".id", "'" + id + "' must match " + ID.pattern());
            }
            String prompt = requiredText(fields, where, "prompt", start, path);
            FormatRule rule = null;
            String ruleName = optionalText(fields, where, "format_rule", path);
            if (ruleName != null) {
                rule = FormatRule.fromWireName(ruleName).orElseThrow(() -> error(where.get("format_rule"),
                        path + ".format_rule", "'" + ruleName + "' is not one of "
                                + java.util.Arrays.stream(FormatRule.values()).map(FormatRule::wireName).toList()));
            }
            Double passScore = number(fields, where, "pass_score", path, 0, 100);
            Double weight = number(fields, where, "weight", path, 0, 1000);
            Objective.check(fields, where, start, path, this::error);
            Map<String, JsonNode> extra = new LinkedHashMap<>(fields);
            extra.keySet().removeAll(QUESTION_FIELDS);
            return new Question(id, prompt, strings(fields, where, "required_markers", path), rule, passScore,
                    weight == null ? 1.0 : weight, optionalText(fields, where, "reference_answer", path),
                    strings(fields, where, "tags", path), start.getLineNr(), start.getColumnNr(), Map.copyOf(extra));
        }

        private String requiredText(Map<String, JsonNode> f, Map<String, JsonLocation> w, String name, JsonLocation start)
                throws SuiteException {
            return requiredText(f, w, name, start, null);
        }

        private String requiredText(Map<String, JsonNode> f, Map<String, JsonLocation> w, String name,
                                    JsonLocation start, String path) throws SuiteException {
            String value = optionalText(f, w, name, path);
            if (value == null || value.isBlank()) {
                throw error(w.getOrDefault(name, start), field(path, name), f.containsKey(name) ? "must not be empty" : "missing");
            }
            return value;
        }

        private String optionalText(Map<String, JsonNode> f, Map<String, JsonLocation> w, String name) throws SuiteException {
            return optionalText(f, w, name, null);
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
