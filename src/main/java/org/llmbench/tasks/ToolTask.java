package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One generated task of the {@code tools} phase: the request, the functions offered, the calls a right answer
 * makes (none for {@link ToolCategory#IRRELEVANCE}), and for {@link ToolCategory#RESULT} the function's result the
 * harness sends back and the value the final answer must contain.
 *
 * @param expected per expected call, the function and each parameter's allowed values ({@link #ABSENT} among them: may be left out)
 * @param result the function's result as JSON text (RESULT only, else null)
 * @param mustMention what the final answer must contain to use the result (RESULT only, else null)
 * @param referenceText the answer text a known-good model gives (the final answer, or the refusal of an irrelevant request)
 */
public record ToolTask(String id, ToolCategory category, String request, List<ToolFunction> functions,
                       List<ExpectedCall> expected, String result, String mustMention, String referenceText) {

    /** Stands in an allowed-value list for "this optional parameter may be left out". */
    public static final JsonNode ABSENT = com.fasterxml.jackson.databind.node.MissingNode.getInstance();

    public ToolTask {
        functions = List.copyOf(functions);
        expected = List.copyOf(expected);
    }

    /** A call a right answer makes: the function and, per parameter, the values that count as right. */
    public record ExpectedCall(String function, Map<String, List<JsonNode>> allowed) {

        public ExpectedCall {
            allowed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(allowed));
        }

        /** The call's arguments as a known-good model writes them (the first allowed value of each, absent ones left out). */
        public JsonNode referenceArguments() {
            var args = TaskJson.object();
            allowed.forEach((name, values) -> {
                if (!values.isEmpty() && !values.get(0).isMissingNode()) {
                    args.set(name, values.get(0));
                }
            });
            return args;
        }
    }

    /** The function offered under this name, if any. */
    public java.util.Optional<ToolFunction> function(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The tag of the task's kind and its weight key. */
    public static final String KIND = "tools";

    /** Where an IDE navigates for the task: its generator. */
    public Class<?> generator() {
        return ToolTasks.class;
    }
}
