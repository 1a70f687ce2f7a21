package org.llmbench.tasks;

import java.util.Locale;

/**
 * The categories of the {@code tools} phase, as the Berkeley Function Calling Leaderboard names them, plus one
 * where the function's result is sent back and the final answer must use it.
 */
public enum ToolCategory {
    /** One function offered, one call expected. */
    SIMPLE,
    /** Several functions offered, one call to the right one expected. */
    MULTIPLE,
    /** One function, several calls in one answer. */
    PARALLEL,
    /** Several functions, several calls in one answer. */
    PARALLEL_MULTIPLE,
    /** No function fits: the right answer calls nothing. */
    IRRELEVANCE,
    /** One call, its result sent back; the final answer must use it. */
    RESULT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
