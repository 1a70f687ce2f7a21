package org.llmbench.model;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The function calls of one answer, bounded: at most {@link ToolCallAssembler#MAX_CALLS} calls are kept and each
 * call's arguments at most {@link ToolCallAssembler#MAX_ARGUMENT_CHARS} characters, whatever the server sends.
 *
 * @param dropped calls received beyond the cap (counted, not kept)
 * @param problem what was wrong with the calls' shape (a wrong-typed field, a cut), null when nothing was
 */
public record ToolCalls(List<ToolCall> calls, int dropped, String problem) {

    public ToolCalls {
        calls = List.copyOf(calls);
    }

    /** All calls' names and arguments, for bounds on what was generated and for counting characters. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (ToolCall c : calls) {
            sb.append(c.name() == null ? "" : c.name()).append(c.arguments() == null ? "" : c.arguments());
        }
        return sb.toString();
    }

    /** These calls with every server text passed through functions (the redactor's). */
    ToolCalls map(UnaryOperator<String> answers, UnaryOperator<String> messages) {
        return new ToolCalls(calls.stream().map(c -> new ToolCall(answers.apply(c.id()), answers.apply(c.name()),
                answers.apply(c.arguments()))).toList(), dropped, messages.apply(problem));
    }
}
