package org.llmbench.record;

import java.util.List;

/**
 * The function calls a {@link RunEvent.Call}'s answer made through the server's tool API.
 *
 * @param dropped calls beyond the number the client keeps
 * @param problem what was wrong with their shape; null when nothing was
 */
public record ToolCalls(List<ToolCall> calls, int dropped, String problem) {
    public ToolCalls {
        calls = List.copyOf(calls);
    }
}
