package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.llmbench.json.Json;

/** JSON building and reading shared by the generators; object key order is insertion order, so output is stable. */
final class TaskJson {

    private TaskJson() {
    }

    static ObjectNode object() {
        return Json.MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return Json.MAPPER.createArrayNode();
    }

    /** A money value with exactly two decimals, from cents, so no binary fraction shows in prompts or answers. */
    static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    static String write(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree built here always serialises", e);
        }
    }

    /** A node found by a dotted path ({@code a.b}); missing nodes for anything not there. */
    static JsonNode at(JsonNode root, String dottedPath) {
        JsonNode node = root == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : root;
        for (String part : dottedPath.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** Whether two JSON numbers are equal to the cent (answers may write 12.5 for 12.50). */
    static boolean sameNumber(JsonNode actual, JsonNode expected) {
        return actual.isNumber() && expected.isNumber()
                && actual.decimalValue().subtract(expected.decimalValue()).abs().compareTo(new BigDecimal("0.005")) < 0;
    }

    /** Cuts model text quoted in a reason, so a reason stays one readable line. */
    static String clip(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }

    /** A JSON object from a line a sandboxed process wrote; null for anything else. */
    static JsonNode parseObject(String json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
