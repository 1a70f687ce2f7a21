package org.llmbench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The executable tests of a suite question: the answer's code runs against them in the sandbox.
 *
 * @param language python or java
 * @param entryPoint the function (python) or method of {@code Solution} (java) the tests call
 * @param checkCode HumanEval-style test code defining {@code check(candidate)}, or null
 * @param asserts MBPP-style {@code assert} lines, or empty
 * @param cases call and expected literal pairs, in the language's syntax, or empty
 * @param allOrNothing whether the question scores 100 only when every test passes (else the share passed)
 * @param prefix code placed before the answer's code (a completion-style prompt), or null
 */
public record CodeTests(Language language, String entryPoint, String checkCode, List<String> asserts, List<Case> cases,
                        boolean allOrNothing, String prefix) {

    /** The languages a question's tests may be in. */
    public enum Language { PYTHON, JAVA }

    /** One call and the literal it must return. */
    public record Case(String call, String expected) {
    }

    /** How many tests a run counts (a check function counts as one). */
    public int count() {
        return checkCode != null ? 1 : asserts.isEmpty() ? cases.size() : asserts.size();
    }

    static CodeTests read(Map<String, JsonNode> f) {
        JsonNode tests = f.get("tests");
        if (tests == null || tests.isNull()) {
            for (String name : List.of("entry_point", "language", "test_scoring", "code_prefix")) {
                if (f.containsKey(name)) {
                    throw new IllegalArgumentException(name + ": only meaningful with tests");
                }
            }
            return null;
        }
        String languageName = Objective.text(f, "language", "python");
        Language language = switch (languageName) {
            case "python" -> Language.PYTHON;
            case "java" -> Language.JAVA;
            default -> throw new IllegalArgumentException("language: must be python or java");
        };
        String entryPoint = Objective.text(f, "entry_point", null);
        if (entryPoint == null || !entryPoint.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("entry_point: must name the function the tests call");
        }
        String scoring = Objective.text(f, "test_scoring", "share");
        if (!scoring.equals("share") && !scoring.equals("all")) {
            throw new IllegalArgumentException("test_scoring: must be share or all");
        }
        String prefix = Objective.text(f, "code_prefix", null);
        String check = null;
        List<String> asserts = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        if (tests.isTextual()) {
            check = tests.asText();
            if (!check.contains("def check(")) {
                throw new IllegalArgumentException("tests: test code must define check(candidate)");
            }
        } else if (tests.isArray() && tests.size() > 0) {
            for (JsonNode t : tests) {
                if (t.isTextual() && t.asText().strip().startsWith("assert")) {
                    asserts.add(t.asText().strip());
                } else if (t.isObject() && t.path("call").isTextual() && t.path("expected").isTextual()) {
                    cases.add(new Case(t.get("call").asText(), t.get("expected").asText()));
                } else {
                    throw new IllegalArgumentException("tests: each test must be an assert line or {\"call\", \"expected\"}");
                }
            }
            if (!asserts.isEmpty() && !cases.isEmpty()) {
                throw new IllegalArgumentException("tests: assert lines and call/expected pairs cannot be mixed");
            }
        } else {
            throw new IllegalArgumentException("tests: must be test code, or a non-empty list of tests");
        }
        if (language == Language.JAVA && cases.isEmpty()) {
            throw new IllegalArgumentException("tests: java tests must be {\"call\", \"expected\"} pairs");
        }
        return new CodeTests(language, entryPoint, check, List.copyOf(asserts), List.copyOf(cases),
                scoring.equals("all"), prefix);
    }
}
