package org.llmbench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One benchmark question as written in a suite file.
 *
 * @param line 1-based line where the question's JSON object starts (for IDE navigation and messages)
 * @param referenceAnswer a known-good answer; only the mock model's oracle mode sends it back
 * @param extra fields this version does not interpret, kept so they are recorded, not lost
 */
public record Question(
        String id,
        String prompt,
        List<String> requiredMarkers,
        FormatRule formatRule,
        Double passScore,
        double weight,
        String referenceAnswer,
        List<String> tags,
        int line,
        int column,
        Map<String, JsonNode> extra) {
}
