package org.llmbench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A question suite as read from its JSON file.
 *
 * @param id the file name without {@code .json}, used in unique ids
 * @param extra top-level fields this version does not interpret (run_mode, lanes, ...), kept verbatim
 */
public record Suite(
        String id,
        String name,
        String version,
        String purpose,
        SuiteOrigin origin,
        List<Question> questions,
        Map<String, JsonNode> extra) {

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    /** The question whose JSON object encloses the given 1-based line: the last one starting at or before it. */
    public Optional<Question> questionAtLine(int line) {
        Question found = null;
        for (Question q : questions) {
            if (q.line() <= line) {
                found = q;
            }
        }
        return Optional.ofNullable(found);
    }
}
