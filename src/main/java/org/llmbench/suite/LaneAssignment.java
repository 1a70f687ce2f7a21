package org.llmbench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which lane each question of a parallel suite runs in, from the suite's {@code lanes} and
 * {@code question_assignment} fields: {@code "round_robin"} (question i in lane i mod lanes, the default) or an
 * object naming, for each lane {@code "1".."N"}, its question ids.
 *
 * @param lanes the lanes the suite asks for
 * @param explicit lane (1-based) of each question when the suite names them; empty for round robin
 */
public record LaneAssignment(int lanes, Map<String, Integer> explicit) {

    /** Suite fields read here. */
    public static final String LANES = "lanes";
    public static final String ASSIGNMENT = "question_assignment";
    public static final String ROUND_ROBIN = "round_robin";

    /** Lanes when a parallel suite does not say. */
    public static final int DEFAULT_LANES = 2;

    /** The assignment of a loaded (hence validated) suite. */
    public static LaneAssignment of(Suite suite) {
        JsonNode lanes = suite.extra().get(LANES);
        JsonNode assignment = suite.extra().get(ASSIGNMENT);
        Map<String, Integer> explicit = new HashMap<>();
        if (assignment != null && assignment.isObject()) {
            assignment.fields().forEachRemaining(e -> e.getValue()
                    .forEach(id -> explicit.put(id.asText(), Integer.parseInt(e.getKey()))));
        }
        return new LaneAssignment(lanes != null && lanes.canConvertToInt() ? lanes.asInt() : DEFAULT_LANES, Map.copyOf(explicit));
    }

    /**
     * The lane (1-based) of a question when {@code effectiveLanes} lanes run. An explicit assignment holds only
     * when the lane count is the suite's own; otherwise (e.g. {@code bench.lanes} overrides it) round robin.
     */
    public int laneOf(Question question, List<Question> all, int effectiveLanes) {
        if (usesExplicit(effectiveLanes)) {
            return explicit.get(question.id());
        }
        return all.indexOf(question) % effectiveLanes + 1;
    }

    /** Whether the suite's own assignment is used at this lane count (else round robin). */
    public boolean usesExplicit(int effectiveLanes) {
        return !explicit.isEmpty() && effectiveLanes == lanes;
    }
}
