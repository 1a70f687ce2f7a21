package org.llmbench.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The functions a chat call offers through the server's tool API, and how the model may use them.
 *
 * @param choice the request's {@code tool_choice} ({@code auto}, {@code required}, {@code none}); OpenAI-compatible only
 * @param reference the calls a known-good answer makes; only the mock model's oracle uses them, real clients never send them
 */
public record ToolUse(List<Function> functions, String choice, List<ToolCall> reference) {

    public ToolUse {
        functions = List.copyOf(functions);
        reference = reference == null ? List.of() : List.copyOf(reference);
    }

    /** One function: its name, what it does, and its parameters as a JSON Schema object. */
    public record Function(String name, String description, JsonNode parameters) {
    }
}
