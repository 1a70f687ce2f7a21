package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The texts of the {@code tools} phase. Native mode sends the request as the user's message and the functions through
 * the server's tool API. Prompted mode, for a server without one, describes the functions in the prompt and asks for
 * one JSON object {@code {"tool_calls": [{"name": ..., "arguments": {...}}]}}; its answers are read back here.
 */
public final class ToolPrompts {

    private ToolPrompts() {
    }

    /** The user's message in native mode. */
    public static String nativePrompt(ToolTask task) {
        return task.request();
    }

    /** The user's message in prompted mode: the functions, the answer format, then the request. */
    public static String promptedPrompt(ToolTask task) {
        ArrayNode functions = TaskJson.array();
        task.functions().forEach(f -> functions.addObject().put("name", f.name()).put("description", f.description())
                .set("parameters", f.parameters()));
        return "You can call these functions (JSON Schema parameters):\n" + TaskJson.write(functions) + "\n\n"
                + "To call functions, answer with only one JSON object and nothing else: "
                + "{\"tool_calls\": [{\"name\": \"FUNCTION\", \"arguments\": {...}}]}; several calls go in the list. "
                + "When no function fits the request, answer {\"tool_calls\": []} followed by nothing.\n\n"
                + "Request: " + task.request();
    }

    /** Prompted mode: the user's message that sends the function's result back. */
    public static String promptedResult(String function, String result) {
        return "The function " + function + " returned: " + result + "\nNow answer the request in plain text, using this result.";
    }

    /** The calls a known-good answer makes, as name and arguments' JSON text, in the expected order. */
    public static List<ToolAnswer.Call> referenceCalls(ToolTask task) {
        return task.expected().stream().map(e -> new ToolAnswer.Call(e.function(), TaskJson.write(e.referenceArguments()))).toList();
    }

    /** A known-good prompted-mode answer. */
    public static String referencePrompted(ToolTask task) {
        var root = TaskJson.object();
        ArrayNode calls = root.putArray("tool_calls");
        task.expected().forEach(e -> calls.addObject().put("name", e.function()).set("arguments", e.referenceArguments()));
        return TaskJson.write(root);
    }

    /**
     * A prompted-mode answer read as calls: the first JSON object in it with a {@code tool_calls} array. An answer
     * without one is a problem (so calling nothing must be said, with an empty list); each call's {@code arguments}
     * object becomes its JSON text, as a native call's is.
     */
    public static ToolAnswer readPrompted(String text) {
        Optional<JsonNode> json = EnvelopeParser.findJson(text);
        if (json.isEmpty() || !json.get().isObject() || !json.get().has("tool_calls")) {
            return new ToolAnswer(List.of(), 0, "no JSON object with \"tool_calls\" in the answer", text);
        }
        JsonNode calls = json.get().get("tool_calls");
        if (!calls.isArray()) {
            return new ToolAnswer(List.of(), 0, "\"tool_calls\" is not a list", text);
        }
        List<ToolAnswer.Call> read = new ArrayList<>();
        int dropped = 0;
        for (JsonNode c : calls) {
            if (read.size() >= MAX_CALLS) {
                dropped++;
                continue;
            }
            JsonNode name = c.path("name");
            JsonNode args = c.path("arguments");
            read.add(new ToolAnswer.Call(name.isTextual() ? name.asText() : null,
                    args.isTextual() ? args.asText() : args.isMissingNode() ? "" : args.toString()));
        }
        return new ToolAnswer(read, dropped, dropped > 0 ? dropped + " more call(s) than the " + MAX_CALLS + " read" : null, text);
    }

    /** As many calls as a native answer keeps. */
    static final int MAX_CALLS = 64;
}
