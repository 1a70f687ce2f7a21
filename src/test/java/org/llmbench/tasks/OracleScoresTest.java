package org.llmbench.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmbench.scoring.Score;

/** Every task's reference answer scores 100 in both answer modes, and junk scores 0 with reasons. */
class OracleScoresTest {

    static Stream<Task> tasks() {
        return TaskFixtures.SEED_42.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasks")
    void referenceAnswerScores100InStrictMode(Task task) {
        assumeTrue(task.unavailable().isEmpty(), () -> task.unavailable().orElse(""));
        TaskScorer.Graded graded = TaskScorer.score(task, TaskPrompts.referenceAnswer(task, true), true, 70);
        assertThat(graded.parse().recoveries()).isEmpty();
        assertThat(graded.score().value()).as(graded.score().failureSummary()).isEqualTo(100.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasks")
    void referenceAnswerScores100InFreeTextMode(Task task) {
        assumeTrue(task.unavailable().isEmpty(), () -> task.unavailable().orElse(""));
        Score score = TaskScorer.score(task, TaskPrompts.referenceAnswer(task, false), false, 70).score();
        assertThat(score.value()).as(score.failureSummary()).isEqualTo(100.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasks")
    void junkScoresZeroWithReasons(Task task) {
        for (boolean strict : new boolean[]{true, false}) {
            Score score = TaskScorer.score(task, "lorem ipsum dolor sit amet { not json", strict, 70).score();
            assertThat(score.value()).isZero();
            assertThat(score.failedChecks()).isNotEmpty().allSatisfy(c -> assertThat(c.reason()).isNotBlank());
        }
    }
}
