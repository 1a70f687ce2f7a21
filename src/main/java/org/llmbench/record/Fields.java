package org.llmbench.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one ledger line by type, naming the field that is missing or of the wrong type, and
 * remembers which it read so that the rest (fields this build does not know) can be kept.
 */
final class Fields {

    /** A field missing or of the wrong type. */
    static final class BadField extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final String reason;

        BadField(String field, String reason) {
            super(field + ": " + reason, null, false, false);
            this.field = field;
            this.reason = reason;
        }

        String field() {
            return field;
        }

        String reason() {
            return reason;
        }
    }

    private final ObjectNode node;
    private final String prefix;
    private final Set<String> read = new HashSet<>();

    Fields(ObjectNode node) {
        this(node, "");
    }

    private Fields(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    boolean has(String name) {
        return node.has(name);
    }

    /** A required field: present and not null. */
    private JsonNode required(String name) {
        read.add(name);
        JsonNode v = node.get(name);
        if (v == null) {
            throw bad(name, "missing");
        }
        if (v.isNull()) {
            throw bad(name, "is null");
        }
        return v;
    }

    /** An optional field: null when absent or null. */
    private JsonNode optional(String name) {
        read.add(name);
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    String text(String name) {
        return asText(prefix + name, required(name));
    }

    String optText(String name) {
        JsonNode v = optional(name);
        return v == null ? null : asText(prefix + name, v);
    }

    long longValue(String name) {
        return asLong(prefix + name, required(name));
    }

    Long optLong(String name) {
        JsonNode v = optional(name);
        return v == null ? null : asLong(prefix + name, v);
    }

    int intValue(String name) {
        return asInt(prefix + name, required(name));
    }

    Integer optInt(String name) {
        JsonNode v = optional(name);
        return v == null ? null : asInt(prefix + name, v);
    }

    double doubleValue(String name) {
        return asDouble(prefix + name, required(name));
    }

    Double optDouble(String name) {
        JsonNode v = optional(name);
        return v == null ? null : asDouble(prefix + name, v);
    }

    boolean bool(String name) {
        JsonNode v = required(name);
        if (!v.isBoolean()) {
            throw wrong(name, "true or false", v);
        }
        return v.booleanValue();
    }

    /** Any JSON value, null when absent (kept as it was: open-ended content). */
    JsonNode json(String name) {
        read.add(name);
        return node.get(name);
    }

    ObjectNode object(String name) {
        JsonNode v = required(name);
        if (!v.isObject()) {
            throw wrong(name, "an object", v);
        }
        return (ObjectNode) v;
    }

    /** A required array, each element read by {@code element} (given the element's fields for objects). */
    <T> List<T> list(String name, Function<JsonNode, T> element) {
        JsonNode v = required(name);
        return listOf(name, v, element);
    }

    <T> List<T> optList(String name, Function<JsonNode, T> element) {
        JsonNode v = optional(name);
        return v == null ? null : listOf(name, v, element);
    }

    private <T> List<T> listOf(String name, JsonNode v, Function<JsonNode, T> element) {
        if (!v.isArray()) {
            throw wrong(name, "an array", v);
        }
        List<T> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            try {
                out.add(element.apply(v.get(i)));
            } catch (BadField e) {
                throw new BadField(prefix + name + "[" + i + "]" + (e.field().isEmpty() ? "" : "." + e.field()), e.reason());
            }
        }
        return out;
    }

    /** A required object of name to value, in its order. */
    <T> Map<String, T> map(String name, Function<JsonNode, T> value) {
        ObjectNode o = object(name);
        Map<String, T> out = new LinkedHashMap<>();
        o.fields().forEachRemaining(e -> {
            try {
                out.put(e.getKey(), value.apply(e.getValue()));
            } catch (BadField b) {
                throw new BadField(prefix + name + "." + e.getKey(), b.reason());
            }
        });
        return out;
    }

    /** The fields of a nested object, for reading it by name. */
    Fields nested(String name) {
        return new Fields(object(name), prefix + name + ".");
    }

    /** Reads a nested object element (of an array) with the given reader. */
    static <T> Function<JsonNode, T> objects(Function<Fields, T> reader) {
        return v -> {
            if (!v.isObject()) {
                throw wrong("", "an object", v);
            }
            return reader.apply(new Fields((ObjectNode) v));
        };
    }

    static final Function<JsonNode, String> TEXT = v -> asText("", v);
    static final Function<JsonNode, Long> LONG = v -> asLong("", v);
    static final Function<JsonNode, Integer> INT = v -> asInt("", v);
    static final Function<JsonNode, Double> DOUBLE = v -> asDouble("", v);
    static final Function<JsonNode, List<String>> TEXTS = v -> {
        if (!v.isArray()) {
            throw wrong("", "an array", v);
        }
        List<String> out = new ArrayList<>(v.size());
        v.forEach(t -> out.add(asText("", t)));
        return out;
    };

    /** The fields not read, in their order: those this build does not know. */
    ObjectNode unread() {
        ObjectNode rest = RecordCodec.emptyObject();
        node.fields().forEachRemaining(e -> {
            if (!read.contains(e.getKey())) {
                rest.set(e.getKey(), e.getValue());
            }
        });
        return rest;
    }

    /** The fields not read yet, in their order, taken as read: the open-ended rest of an event. */
    ObjectNode rest() {
        ObjectNode rest = unread();
        rest.fieldNames().forEachRemaining(read::add);
        return rest;
    }

    /**
     * Reads with {@code reader} and takes the fields it read as read; when it finds a field missing or wrong, reads
     * nothing and gives null (the fields stay unread: kept as written).
     */
    <T> T attempt(Function<Fields, T> reader) {
        Fields trial = new Fields(node, prefix);
        trial.read.addAll(read);
        try {
            T value = reader.apply(trial);
            read.addAll(trial.read);
            return value;
        } catch (BadField e) {
            return null;
        }
    }

    /** Marks a field as read (a field another part of the codec takes care of). */
    void skip(String name) {
        read.add(name);
    }

    private BadField bad(String name, String message) {
        return new BadField(prefix + name, message);
    }

    private static String asText(String name, JsonNode v) {
        if (!v.isTextual()) {
            throw wrong(name, "a string", v);
        }
        return v.textValue();
    }

    private static long asLong(String name, JsonNode v) {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw wrong(name, "a whole number", v);
        }
        return v.longValue();
    }

    private static int asInt(String name, JsonNode v) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw wrong(name, "a whole number (32 bits)", v);
        }
        return v.intValue();
    }

    private static double asDouble(String name, JsonNode v) {
        if (!v.isNumber()) {
            throw wrong(name, "a number", v);
        }
        return v.doubleValue();
    }

    private static BadField wrong(String name, String expected, JsonNode got) {
        return new BadField(name, "expected " + expected + ", got " + describe(got));
    }

    private static String describe(JsonNode v) {
        JsonNodeType t = v.getNodeType();
        return switch (t) {
            case STRING -> "a string";
            case NUMBER -> "the number " + v.asText();
            case BOOLEAN -> v.asText();
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> t.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
