package org.llmbench.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON as received from a server: anything but a JSON object is a protocol error. */
final class WireJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private WireJson() {
    }

    static JsonNode object(String text, String what) throws CallFailure {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new CallFailure(ErrorKind.PROTOCOL, "the " + what + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new CallFailure(ErrorKind.PROTOCOL, "the " + what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A text field, or null when it is missing, null or not text. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
