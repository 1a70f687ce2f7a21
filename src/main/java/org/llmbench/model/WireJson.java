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
        messages(json, messages, (g, m) -> { });
    }

    /** What a wire format adds to a message beyond role and content (its tool calls, the call a result answers). */
    interface MessageExtras {
        void write(JsonGenerator json, ChatMessage message) throws IOException;
    }

    /** The {@code messages} array, each message's role and content and then what the format adds. */
    static void messages(JsonGenerator json, List<ChatMessage> messages, MessageExtras extras) throws IOException {
        json.writeArrayFieldStart("messages");
        for (ChatMessage m : messages) {
            json.writeStartObject();
            json.writeStringField("role", m.role());
            json.writeStringField("content", m.content());
            extras.write(json, m);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** The {@code tools} array both chat APIs share: {@code {"type": "function", "function": {name, description, parameters}}}. */
    static void tools(JsonGenerator json, ToolUse tools) throws IOException {
        json.writeArrayFieldStart("tools");
        for (ToolUse.Function f : tools.functions()) {
            json.writeStartObject();
            json.writeStringField("type", "function");
            json.writeObjectFieldStart("function");
            json.writeStringField("name", f.name());
            json.writeStringField("description", f.description());
            json.writeFieldName("parameters");
            json.writeTree(f.parameters());
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /**
     * The calls of a {@code tool_calls} field into {@code into}: whole calls, or, with {@code byIndex}, the pieces of a
     * streamed answer at their {@code index}. Arguments sent as a JSON string are kept as that string, as an object
     * (Ollama) as its JSON text. A field of the wrong type, or a call without the shape, is noted, never thrown.
     * Returns the generated text it took (names and arguments), for the stream's timing; empty when none.
     */
    static String toolCalls(JsonNode field, ToolCallAssembler into, boolean byIndex) {
        StringBuilder taken = new StringBuilder();
        if (field.isMissingNode() || field.isNull()) {
            return "";
        }
        if (!field.isArray()) {
            into.problem("tool_calls is " + field.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not an array");
            return "";
        }
        for (int i = 0; i < field.size(); i++) {
            JsonNode call = field.get(i);
            if (!call.isObject()) {
                into.problem("a tool call is " + call.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not an object");
                into.whole(null, null, null);
                continue;
            }
            JsonNode function = call.path("function");
            if (!function.isObject() && !function.isMissingNode()) {
                into.problem("a tool call's function is not an object");
            }
            JsonNode nameNode = function.path("name");
            if (!nameNode.isMissingNode() && !nameNode.isNull() && !nameNode.isTextual()) {
                into.problem("a tool call's name is not text");
            }
            JsonNode arguments = function.path("arguments");
            String args = arguments.isTextual() ? arguments.asText()
                    : arguments.isMissingNode() || arguments.isNull() ? null : arguments.toString();
            String id = text(call, "id");
            String name = text(function, "name");
            taken.append(name == null ? "" : name).append(args == null ? "" : args);
            if (byIndex) {
                JsonNode index = call.path("index");
                into.piece(index.canConvertToLong() && index.asLong() >= 0 ? index.asLong() : i, id, name, args);
            } else {
                into.whole(id, name, args == null ? "" : args);
            }
        }
        return taken.length() > ToolCallAssembler.MAX_ARGUMENT_CHARS ? taken.substring(0, ToolCallAssembler.MAX_ARGUMENT_CHARS) : taken.toString();
    }

    /** A text field, or null when it is missing, null or not text. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
