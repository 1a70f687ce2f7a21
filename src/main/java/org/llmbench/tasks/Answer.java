package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a grader looks at: the envelope's fields in strict-JSON mode, or what could be found in free text
 * (the whole text as final, its first code block, its first JSON value).
 *
 * @param json null when the answer has none
 * @param code null when the answer has none
 */
public record Answer(String finalText, String code, JsonNode json, boolean strict) {

    public Answer {
        finalText = finalText == null ? "" : finalText;
    }

    /** The answer's JSON field as text for checks that read either a JSON value or prose. */
    public String allText() {
        return finalText + (code == null ? "" : "\n" + code) + (json == null ? "" : "\n" + json);
    }
}
