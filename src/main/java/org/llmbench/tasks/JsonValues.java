package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;

/** Compares an answer's JSON with the expected JSON, treating 3 and 3.0 as the same number and trimming strings. */
final class JsonValues {

    private JsonValues() {
    }

    static boolean same(JsonNode actual, JsonNode expected) {
        if (expected.isNumber()) {
            return actual.isNumber() && actual.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        if (expected.isTextual()) {
            return actual.isTextual() && actual.asText().strip().equals(expected.asText());
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!same(actual.get(i), expected.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return actual.equals(expected);
    }
}
