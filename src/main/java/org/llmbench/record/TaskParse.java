package org.llmbench.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * How a generated task's answer was parsed ({@link RunEvent.Score}).
 *
 * @param parseRecoveries what the parser had to repair; null (with {@code parseError}) when nothing was parsed
 * @param parsed what the answer parsed to: the task's own answer format, so it stays JSON
 */
public record TaskParse(String kind, boolean strictJson, boolean parseOk, int parseRetries,
                        List<String> parseRecoveries, String parseError, JsonNode parsed) {
    public TaskParse {
        parseRecoveries = parseRecoveries == null ? null : List.copyOf(parseRecoveries);
    }
}
