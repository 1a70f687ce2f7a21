package org.llmbench.model;

import java.util.List;

/**
 * One chat message: role ({@code system}, {@code user}, {@code assistant}, {@code tool}) and content; an assistant
 * message may carry the function calls it made, a {@code tool} message answers one of them.
 *
 * @param toolCalls the calls of an assistant message, empty for every other message
 * @param toolCallId the id of the call a {@code tool} message answers (OpenAI-compatible servers match on it)
 * @param toolName the function a {@code tool} message answers (Ollama matches on it)
 */
public record ChatMessage(String role, String content, List<ToolCall> toolCalls, String toolCallId, String toolName) {

    public ChatMessage {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public ChatMessage(String role, String content) {
        this(role, content, List.of(), null, null);
    }

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content);
    }

    /** The assistant's turn that made these calls (with whatever text came beside them). */
    public static ChatMessage assistantCalls(String content, List<ToolCall> calls) {
        return new ChatMessage("assistant", content == null ? "" : content, calls, null, null);
    }

    /** A function's result sent back for the call {@code call}. */
    public static ChatMessage toolResult(ToolCall call, String content) {
        return new ChatMessage("tool", content, List.of(), call.id(), call.name());
    }
}
