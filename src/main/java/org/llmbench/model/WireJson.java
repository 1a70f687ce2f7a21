package org.llmbench.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.llmbench.json.Json;

/** JSON as received from a server: anything but a JSON object is a protocol error. */
final class WireJson {

    private WireJson() {
    }

    static JsonNode object(String text, String what) throws CallFailure {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new CallFailure(ErrorKind.PROTOCOL, "the " + what + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new CallFailure(ErrorKind.PROTOCOL, "the " + what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The entries of a model listing keyed by their {@code nameField}, each with its scalar fields (see
     * {@link #scalars}) but the name and {@code skip}; entries without a text name are left out.
     */
    static Map<String, Map<String, Object>> byName(JsonNode entries, String nameField, Set<String> skip) {
        Set<String> left = new java.util.HashSet<>(skip);
        left.add(nameField);
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        entries.forEach(e -> {
            if (e.path(nameField).isTextual()) {
                byName.put(e.path(nameField).asText(), scalars(e, left));
            }
        });
        return byName;
    }

    /**
     * The scalar fields of an object (text, numbers, booleans), nested objects flattened one level as
     * {@code outer.inner}; arrays, nulls and the fields named in {@code skip} are left out.
     */
    static Map<String, Object> scalars(JsonNode object, Set<String> skip) {
        Map<String, Object> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> {
            if (skip.contains(e.getKey())) {
                return;
            }
            if (e.getValue().isObject()) {
                e.getValue().fields().forEachRemaining(inner -> putScalar(out, e.getKey() + "." + inner.getKey(), inner.getValue()));
            } else {
                putScalar(out, e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private static void putScalar(Map<String, Object> out, String key, JsonNode value) {
        if (value.isTextual()) {
            out.put(key, value.asText());
        } else if (value.isNumber()) {
            out.put(key, value.numberValue());
        } else if (value.isBoolean()) {
            out.put(key, value.asBoolean());
        }
    }

    /** Writes the fields of one JSON object. */
    interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * A JSON object written field by field. Request bodies are written this way rather than built as a tree and
     * then serialised: the tree took 4 % of the CPU of a 16-lane run of the harness benchmark.
     */
    static String object(Fields fields) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** The {@code messages} array both chat APIs share: role and content of each message. */
    static void messages(JsonGenerator json, List<ChatMessage> messages) throws IOException {
        json.writeArrayFieldStart("messages");
        for (ChatMessage m : messages) {
            json.writeStartObject();
            json.writeStringField("role", m.role());
            json.writeStringField("content", m.content());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** A text field, or null when it is missing, null or not text. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
