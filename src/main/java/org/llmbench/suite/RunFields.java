package org.llmbench.suite;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates the top-level fields of parallel and long-context suites ({@code run_mode}, {@code lanes},
 * {@code question_assignment}) so a mistake is reported with its line, like every other suite field.
 */
final class RunFields {

    /** Records one positioned problem; checking goes on after it. */
    @FunctionalInterface
    interface Errors {
        void at(JsonLocation where, String field, String reason);
    }

    private RunFields() {
    }

    /**
     * Reports every problem of these fields; the lane assignment's question ids are checked only when
     * {@code questionsComplete} (a question with a problem of its own is not in {@code questions}).
     */
    static void check(Map<String, JsonNode> fields, Map<String, JsonLocation> where, List<Question> questions,
                      boolean questionsComplete, Errors errors) {
        JsonNode mode = fields.get(RunMode.FIELD);
        if (mode != null && (!mode.isTextual() || RunMode.fromWireName(mode.asText()).isEmpty())) {
            errors.at(where.get(RunMode.FIELD), RunMode.FIELD, "must be one of "
                    + java.util.Arrays.stream(RunMode.values()).map(RunMode::wireName).toList());
        }
        JsonNode lanes = fields.get(LaneAssignment.LANES);
        if (lanes != null && (!lanes.canConvertToInt() || !lanes.isIntegralNumber() || lanes.asInt() < 1 || lanes.asInt() > 256)) {
            errors.at(where.get(LaneAssignment.LANES), LaneAssignment.LANES, "must be a whole number from 1 to 256");
            lanes = null;
        }
        JsonNode assignment = fields.get(LaneAssignment.ASSIGNMENT);
        if (assignment == null || assignment.isNull()
                || (assignment.isTextual() && assignment.asText().equals(LaneAssignment.ROUND_ROBIN))) {
            return;
        }
        JsonLocation at = where.get(LaneAssignment.ASSIGNMENT);
        if (!assignment.isObject()) {
            errors.at(at, LaneAssignment.ASSIGNMENT, "must be \"round_robin\" or an object of lane number to question ids");
            return;
        }
        int laneCount = lanes == null ? LaneAssignment.DEFAULT_LANES : lanes.asInt();
        Set<String> ids = questions.stream().map(Question::id).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = assignment.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> lane = it.next();
            String field = LaneAssignment.ASSIGNMENT + "." + lane.getKey();
            if (!lane.getKey().matches("[0-9]{1,3}") || Integer.parseInt(lane.getKey()) < 1 || Integer.parseInt(lane.getKey()) > laneCount) {
                errors.at(at, field, "lane names must be numbers from 1 to lanes (" + laneCount + ")");
            }
            if (!lane.getValue().isArray()) {
                errors.at(at, field, "must be an array of question ids");
                continue;
            }
            for (JsonNode id : lane.getValue()) {
                if (!seen.add(id.asText())) {
                    errors.at(at, field, "'" + id.asText() + "' is assigned twice");
                } else if (!ids.contains(id.asText()) && questionsComplete) {
                    errors.at(at, field, "'" + id.asText() + "' is not a question of this suite");
                }
            }
        }
        ids.removeAll(seen);
        if (!ids.isEmpty() && questionsComplete) {
            errors.at(at, LaneAssignment.ASSIGNMENT, "questions in no lane: " + new java.util.TreeSet<>(ids));
        }
    }
}
