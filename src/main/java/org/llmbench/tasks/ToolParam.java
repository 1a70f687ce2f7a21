package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One parameter of a function offered in the {@code tools} phase: its JSON Schema type and whether it is required.
 * An {@code ENUM} is a string schema with {@code enum} values; an {@code ARRAY} has an item schema, an {@code OBJECT}
 * its own properties.
 *
 * @param defaultValue what the function assumes when an optional parameter is left out (null for a required one)
 */
public record ToolParam(String name, Type type, boolean required, String description, List<String> enumValues,
                        ToolParam items, List<ToolParam> properties, JsonNode defaultValue) {

    /** The JSON Schema types the tool APIs allow. */
    public enum Type { INTEGER, NUMBER, STRING, ENUM, BOOLEAN, ARRAY, OBJECT }

    public ToolParam {
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
        properties = properties == null ? List.of() : List.copyOf(properties);
    }

    static ToolParam of(String name, Type type, String description) {
        return new ToolParam(name, type, true, description, null, null, null, null);
    }

    static ToolParam oneOf(String name, String description, List<String> values) {
        return new ToolParam(name, Type.ENUM, true, description, values, null, null, null);
    }

    static ToolParam arrayOf(String name, String description, ToolParam items) {
        return new ToolParam(name, Type.ARRAY, true, description, null, items, null, null);
    }

    static ToolParam objectOf(String name, String description, List<ToolParam> properties) {
        return new ToolParam(name, Type.OBJECT, true, description, null, null, properties, null);
    }

    /** This parameter as optional, assumed {@code defaultValue} when left out. */
    ToolParam optional(JsonNode defaultValue) {
        return new ToolParam(name, type, false, description, enumValues, items, properties, defaultValue);
    }

    /** The parameter's JSON Schema, in a fixed key order (prompts are byte-identical per seed). */
    ObjectNode schema() {
        ObjectNode s = TaskJson.object();
        s.put("type", switch (type) {
            case INTEGER -> "integer";
            case NUMBER -> "number";
            case STRING, ENUM -> "string";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case OBJECT -> "object";
        });
        if (description != null) {
            s.put("description", description);
        }
        if (type == Type.ENUM) {
            enumValues.forEach(s.putArray("enum")::add);
        }
        if (type == Type.ARRAY) {
            s.set("items", items.schema());
        }
        if (type == Type.OBJECT) {
            objectSchema(s, properties);
        }
        if (defaultValue != null) {
            s.set("default", defaultValue);
        }
        return s;
    }

    /** Fills an object schema's {@code properties} and {@code required}; shared by functions and nested objects. */
    static void objectSchema(ObjectNode s, List<ToolParam> properties) {
        ObjectNode props = s.putObject("properties");
        properties.forEach(p -> props.set(p.name(), p.schema()));
        var required = s.putArray("required");
        properties.stream().filter(ToolParam::required).forEach(p -> required.add(p.name()));
        s.put("additionalProperties", false);
    }
}
