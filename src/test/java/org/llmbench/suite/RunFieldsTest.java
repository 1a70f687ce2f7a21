package org.llmbench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFieldsTest {

    @TempDir
    Path dir;

    private Suite load(String fields) throws Exception {
        Path file = dir.resolve("p.json");
        Files.writeString(file, "{\n  \"suite_name\": \"p\",\n" + fields + ",\n  \"questions\": [\n"
                + "    {\"id\": \"A\", \"prompt\": \"a\"},\n    {\"id\": \"B\", \"prompt\": \"b\"},\n    {\"id\": \"C\", \"prompt\": \"c\"}\n  ]\n}\n");
        return SuiteLoader.load(SuiteOrigin.ofFile(file));
    }

    @Test
    void acceptsRoundRobinAndExplicitAssignmentsAndKeepsTheFields() throws Exception {
        Suite rr = load("  \"run_mode\": \"parallel_same\", \"lanes\": 2, \"question_assignment\": \"round_robin\"");
        assertThat(RunMode.of(rr)).isEqualTo(RunMode.PARALLEL_SAME);
        assertThat(rr.extra()).containsKeys("run_mode", "lanes", "question_assignment");
        LaneAssignment a = LaneAssignment.of(rr);
        assertThat(rr.questions()).extracting(q -> a.laneOf(q, rr.questions(), 2)).containsExactly(1, 2, 1);

        Suite explicit = load("  \"run_mode\": \"parallel_mixed\", \"lanes\": 2, \"question_assignment\": {\"1\": [\"C\"], \"2\": [\"A\", \"B\"]}");
        LaneAssignment e = LaneAssignment.of(explicit);
        assertThat(explicit.questions()).extracting(q -> e.laneOf(q, explicit.questions(), 2)).containsExactly(2, 2, 1);
        assertThat(e.usesExplicit(2)).isTrue();
        assertThat(e.usesExplicit(4)).isFalse();
    }

    @Test
    void badValuesNameTheFieldAndLine() {
        assertThatThrownBy(() -> load("  \"run_mode\": \"sideways\""))
                .hasMessageContaining("p.json:3:").hasMessageContaining("run_mode: must be one of");
        assertThatThrownBy(() -> load("  \"lanes\": 0"))
                .hasMessageContaining(":3:").hasMessageContaining("lanes: must be a whole number from 1 to 256");
        assertThatThrownBy(() -> load("  \"lanes\": 2, \"question_assignment\": {\"1\": [\"A\", \"Z\"], \"2\": [\"B\", \"C\"]}"))
                .hasMessageContaining("question_assignment.1: 'Z' is not a question of this suite");
        assertThatThrownBy(() -> load("  \"lanes\": 2, \"question_assignment\": {\"1\": [\"A\", \"B\"], \"2\": [\"B\", \"C\"]}"))
                .hasMessageContaining("'B' is assigned twice");
        assertThatThrownBy(() -> load("  \"lanes\": 2, \"question_assignment\": {\"1\": [\"A\"], \"3\": [\"B\", \"C\"]}"))
                .hasMessageContaining("question_assignment.3: lane names must be numbers from 1 to lanes (2)");
        assertThatThrownBy(() -> load("  \"lanes\": 2, \"question_assignment\": {\"1\": [\"A\"]}"))
                .hasMessageContaining("questions in no lane: [B, C]");
        assertThatThrownBy(() -> load("  \"question_assignment\": 7"))
                .hasMessageContaining("must be \"round_robin\" or an object");
    }
}
