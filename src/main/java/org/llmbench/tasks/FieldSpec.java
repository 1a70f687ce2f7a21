package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One expected field of a JSON answer: its dotted path, expected value, JSON type and (optionally) the pattern
 * its text must match; graded by {@link FieldChecks}.
 *
 * @param pattern a regular expression over the value's text, or null for no pattern check
 * @param valueWeight the weight of the exact-value check (presence and type weigh 1 each)
 */
record FieldSpec(String path, JsonNode expected, Type type, String pattern, double valueWeight) {

    /** JSON types a field may be required to have. */
    enum Type { STRING, INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY }

    boolean hasType(JsonNode node) {
        return switch (type) {
            case STRING -> node.isTextual();
            case INTEGER -> node.isIntegralNumber() || (node.isNumber() && node.decimalValue().stripTrailingZeros().scale() <= 0);
            case NUMBER -> node.isNumber();
            case BOOLEAN -> node.isBoolean();
            case OBJECT -> node.isObject();
            case ARRAY -> node.isArray();
        };
    }
}
