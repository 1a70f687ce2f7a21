package org.llmbench.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.llmbench.scoring.Check;
import org.llmbench.scoring.Score;

/**
 * Answers that cost nothing (the task's prompt echoed back, an empty object, headings without content) score 0 on
 * every generated task of the kinds graded from text and JSON, in both answer modes; the reference still scores 100
 * ({@link OracleScoresTest}).
 */
class NoPointsForNothingTaskTest {

    private static final Set<TaskKind> KINDS = EnumSet.of(TaskKind.JSON_EXTRACTION, TaskKind.ETL, TaskKind.PLANNING,
            TaskKind.REASONING, TaskKind.SECURITY);

    /** Each attack builds its answer from the task and the answer mode (true: strict-JSON envelope). */
    private static final Map<String, BiFunction<Task, Boolean, String>> ATTACKS = Map.of(
            "echo", (task, strict) -> TaskPrompts.prompt(task, strict),
            "echo of the body in the envelope", (task, strict) -> envelope(task, task.body()),
            "empty object", (task, strict) -> "{}",
            "empty object in the envelope", (task, strict) -> envelope(task, ""),
            "headings over an echo", (task, strict) -> {
                String plan = "## Goal\n" + task.body() + "\n## Steps\n" + task.body() + "\n## Risks\n" + task.body()
                        + "\n## Tests\n" + task.body() + "\n";
                return strict ? envelope(task, plan) : plan;
            });

    @TestFactory
    Stream<DynamicTest> echoAndEmptyAnswersScoreZeroOnEveryTaskInBothModes() {
        return TaskFixtures.SEED_42.stream().filter(t -> KINDS.contains(t.kind()))
                .flatMap(task -> ATTACKS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .flatMap(a -> Stream.of(true, false).map(strict ->
                                DynamicTest.dynamicTest(task.id() + " / " + a.getKey() + (strict ? " / strict" : " / free"), () -> {
                                    Score score = TaskScorer.score(task, a.getValue().apply(task, strict), strict, 70).score();
                                    assertThat(score.value()).as(score.checks().toString()).isZero();
                                }))));
    }

    @Test
    void anEmptyObjectEarnsNoExactKeysPointAndSaysWhy() {
        for (TaskKind kind : new TaskKind[]{TaskKind.JSON_EXTRACTION, TaskKind.ETL}) {
            Task task = TaskFixtures.ofKind(kind).get(0);
            Score score = TaskScorer.score(task, "{}", false, 70).score();
            assertThat(score.checks()).filteredOn(c -> c.name().equals("exact keys")).singleElement()
                    .satisfies(c -> {
                        assertThat(c.passed()).isFalse();
                        assertThat(c.reason()).contains("no expected key");
                    });
        }
    }

    @Test
    void onePlanningSectionWrittenByTheModelStillEarnsItsPoint() {
        Task task = TaskFixtures.ofKind(TaskKind.PLANNING).get(0);
        Score score = TaskScorer.score(task, "## Goal\nA small tool.\n## Steps\n" + task.body(), false, 70).score();
        assertThat(score.checks()).filteredOn(Check::passed).extracting(Check::name).containsExactly("section goal");
        assertThat(score.checks()).filteredOn(c -> c.name().equals("section steps")).singleElement()
                .satisfies(c -> assertThat(c.reason()).contains("copied from the prompt"));
    }

    /** An envelope with this final text and an empty JSON artifact. */
    private static String envelope(Task task, String finalText) {
        var node = TaskJson.object().put("task_id", task.id()).put("final", finalText);
        node.putObject("artifacts").putObject("json");
        return TaskJson.write(node);
    }
}
