package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How {@link ToolScorer} judges one argument's value against its parameter: its schema type, then whether it is an
 * allowed value by the parameter's rule (the rules the scorer's Javadoc lists).
 */
final class ToolValues {

    private ToolValues() {
    }

    /** Why a value is not of the parameter's schema type; empty when it is. */
    static Optional<String> typeProblem(ToolParam p, JsonNode v) {
        boolean ok = switch (p.type()) {
            case INTEGER -> integral(v);
            case NUMBER -> v.isNumber();
            case STRING -> v.isTextual();
            case ENUM -> v.isTextual() && p.enumValues().contains(v.asText());
            case BOOLEAN -> v.isBoolean();
            case ARRAY -> v.isArray() && allElements(p.items(), v);
            case OBJECT -> v.isObject() && objectTypes(p, v);
        };
        if (ok) {
            return Optional.empty();
        }
        String got = v.getNodeType().name().toLowerCase(Locale.ROOT);
        return Optional.of(switch (p.type()) {
            case ENUM -> v.isTextual() ? "not one of " + p.enumValues() : "a " + got + ", not a string of " + p.enumValues();
            case ARRAY, OBJECT -> v.isArray() || v.isObject() ? "an element or property of the wrong type" : "a " + got + ", not an " + p.type().name().toLowerCase(Locale.ROOT);
            default -> "a " + got + ", not " + (p.type() == ToolParam.Type.INTEGER ? "an integer" : "a " + p.type().name().toLowerCase(Locale.ROOT));
        });
    }

    private static boolean allElements(ToolParam items, JsonNode array) {
        for (JsonNode e : array) {
            if (typeProblem(items, e).isPresent()) {
                return false;
            }
        }
        return true;
    }

    private static boolean objectTypes(ToolParam p, JsonNode object) {
        for (ToolParam q : p.properties()) {
            JsonNode v = object.get(q.name());
            if (v == null ? q.required() : typeProblem(q, v).isPresent()) {
                return false;
            }
        }
        return true;
    }

    /** Whether a value of the right type is this allowed value, by the parameter's rule. */
    static boolean matches(ToolParam p, JsonNode v, JsonNode allowed) {
        return switch (p.type()) {
            case INTEGER -> integral(v) && v.decimalValue().compareTo(allowed.decimalValue()) == 0;
            case NUMBER -> v.isNumber() && close(v.decimalValue(), allowed.decimalValue());
            case STRING -> v.isTextual() && normal(v.asText()).equals(normal(allowed.asText()));
            case ENUM -> v.isTextual() && v.asText().equals(allowed.asText());
            case BOOLEAN -> v.isBoolean() && v.asBoolean() == allowed.asBoolean();
            case ARRAY -> v.isArray() && sameElements(p.items(), v, allowed);
            case OBJECT -> v.isObject() && sameObject(p, v, allowed);
        };
    }

    private static boolean sameElements(ToolParam items, JsonNode v, JsonNode allowed) {
        if (v.size() != allowed.size()) {
            return false;
        }
        List<JsonNode> left = new ArrayList<>();
        allowed.forEach(left::add);
        for (JsonNode e : v) {
            int at = -1;
            for (int i = 0; i < left.size() && at < 0; i++) {
                if (typeProblem(items, e).isEmpty() && matches(items, e, left.get(i))) {
                    at = i;
                }
            }
            if (at < 0) {
                return false;
            }
            left.remove(at);
        }
        return true;
    }

    private static boolean sameObject(ToolParam p, JsonNode v, JsonNode allowed) {
        var names = v.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (p.properties().stream().noneMatch(q -> q.name().equals(n))) {
                return false;
            }
        }
        for (ToolParam q : p.properties()) {
            JsonNode got = v.get(q.name());
            JsonNode want = allowed.get(q.name());
            if (want == null ? got != null && !(q.defaultValue() != null && matches(q, got, q.defaultValue()))
                    : got == null || typeProblem(q, got).isPresent() || !matches(q, got, want)) {
                return false;
            }
        }
        return true;
    }

    private static boolean integral(JsonNode v) {
        if (v.isIntegralNumber()) {
            return true;
        }
        if (!v.isNumber()) {
            return false;
        }
        BigDecimal d = v.decimalValue();
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }

    private static boolean close(BigDecimal a, BigDecimal e) {
        BigDecimal tolerance = e.abs().multiply(new BigDecimal("0.001")).max(new BigDecimal("0.01"));
        return a.subtract(e).abs().compareTo(tolerance) <= 0;
    }

    /** A string as compared: NFKC, trimmed, spaces collapsed, lower case. */
    static String normal(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static String rule(ToolParam p) {
        return switch (p.type()) {
            case INTEGER -> "integers exactly";
            case NUMBER -> "within 0.01 or 0.1 %";
            case STRING -> "strings ignoring case and spacing";
            case ENUM -> "enums exactly";
            case BOOLEAN -> "booleans exactly";
            case ARRAY -> "the same elements in any order";
            case OBJECT -> "each property by its rule, no extra property";
        };
    }
}
