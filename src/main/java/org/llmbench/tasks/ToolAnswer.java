package org.llmbench.tasks;

import java.util.List;

/**
 * What a model answered in the {@code tools} phase, whatever the wire format: its function calls (arguments as the
 * text it sent), the calls it made beyond the client's cap, what was wrong with their shape, and its text.
 *
 * @param problem a shape problem (a wrong-typed field, arguments cut, an unreadable prompted answer); null when none
 */
public record ToolAnswer(List<Call> calls, int dropped, String problem, String text) {

    public ToolAnswer {
        calls = List.copyOf(calls);
    }

    /** One call: the function named (null when the call named none) and its arguments' text. */
    public record Call(String name, String arguments) {
    }
}
