package org.llmbench.record;

/** One function call of a {@link RunEvent.Call}'s answer, its arguments as the server sent them. */
public record ToolCall(String id, String name, String arguments) {
}
