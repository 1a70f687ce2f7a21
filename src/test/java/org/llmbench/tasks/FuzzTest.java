package org.llmbench.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.llmbench.scoring.Score;

/**
 * Thousands of random strings and mutated good answers through the parser and every task's scorer, in both
 * answer modes: nothing escapes and every score is within 0..100. code_fix answers run in a child process, so
 * their text handling (envelope, free-text extraction, harness source, report reading) is fuzzed in-process and
 * a few fuzzed answers go through the real sandbox.
 */
class FuzzTest {

    private static final String[] PIECES = {"{", "}", "[", "]", "\"", ",", ":", "```", "```json\n", "\n", "\\", "null",
            "true", "-", "1e999", "99999999999999999999", "\"final\":", "\"artifacts\":", "{\"json\":", "ANSWER: 7",
            "INTERMEDIATE:", "## Steps", "## Risks", "1. ", "class Solution {", "def f(x):", "\u0000", "\uD83D\uDE00",
            "\uD800", "ORD-1234", "TCK-12345", "é", " ", "\t", "NaN", "0.005", "{\"answers\": ["};

    private final SplittableRandom random = new SplittableRandom(20240601L);

    private String randomText() {
        StringBuilder sb = new StringBuilder();
        int parts = random.nextInt(40);
        for (int i = 0; i < parts; i++) {
            if (random.nextBoolean()) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            } else {
                sb.append((char) random.nextInt(0x20, 0x7f));
            }
        }
        return sb.toString();
    }

    private String mutate(String good) {
        StringBuilder sb = new StringBuilder(good);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(5)) {
                case 0 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(20)));
                case 1 -> sb.insert(at, PIECES[random.nextInt(PIECES.length)]);
                case 2 -> sb.setLength(at);
                case 3 -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + random.nextInt(30))));
                default -> sb.setCharAt(at, (char) random.nextInt(0x20, 0x7f));
            }
        }
        return sb.toString();
    }

    private List<String> inputs(Task task, int n) {
        List<String> inputs = new ArrayList<>();
        for (boolean strict : new boolean[]{true, false}) {
            String good = TaskPrompts.referenceAnswer(task, strict);
            for (int i = 0; i < n; i++) {
                inputs.add(i % 2 == 0 ? randomText() : mutate(good));
            }
        }
        return inputs;
    }

    @Test
    void everyScorerSurvivesRandomAndMutatedAnswers() {
        int scored = 0;
        for (Task task : TaskFixtures.SEED_42) {
            if (task.kind() == TaskKind.CODE_FIX) {
                continue;
            }
            for (String input : inputs(task, 60)) {
                for (boolean strict : new boolean[]{true, false}) {
                    Score score = TaskScorer.score(task, input, strict, 70).score();
                    assertThat(score.value()).as(task.id() + " <- " + input).isBetween(0.0, 100.0);
                    Answer answer = strict ? EnvelopeParser.parse(input).answer() : TaskScorer.freeText(task, input);
                    assertThat(task.grader().grade(answer)).as("the grader itself does not throw").isNotNull();
                    scored++;
                }
            }
        }
        assertThat(scored).isGreaterThan(4_000);
    }

    @Test
    void theParserAndCodeFixTextHandlingSurviveFuzz() {
        List<Task> codeTasks = TaskFixtures.ofKind(TaskKind.CODE_FIX);
        List<TestCase> cases = List.of(new TestCase("Solution.f(1)", "1", "f(1)"));
        for (int i = 0; i < 2_000; i++) {
            Task task = codeTasks.get(i % codeTasks.size());
            String input = i % 2 == 0 ? randomText() : mutate(TaskPrompts.referenceAnswer(task, i % 4 == 1));
            ParsedEnvelope parsed = EnvelopeParser.parse(input);
            assertThat(parsed.ok() || parsed.error() != null).isTrue();
            assertThat(parsed.answer()).isNotNull();
            Answer free = TaskScorer.freeText(task, input);
            assertThat(JavaHarness.files(free.code(), cases).get(JavaHarness.SOLUTION)).contains("class Solution");
            assertThat(PythonHarness.files(free.code()).keySet()).containsExactly(PythonHarness.SOLUTION, PythonHarness.RUNNER);
            CaseReports.Report report = CaseReports.judge(input + "\n{\"case\":1,\"returned\":\"1\"}\n{\"case\":99}\n{\"done\":true}", cases);
            assertThat(report.failures()).hasSize(1);
            assertThat(report.failures().get(0)).as("a fuzzed line may claim a result, never two").satisfiesAnyOf(
                    f -> assertThat(f).isNull(), f -> assertThat(f).isEqualTo("reported more than once"));
            assertThat(EnvelopeParser.findJson(input)).isNotNull();
        }
    }

    @Test
    void aFewFuzzedCodeAnswersRunInTheSandboxWithoutEscaping() {
        Task task = TaskFixtures.task("code_fix-java-01");
        for (int i = 0; i < 2; i++) {
            Score score = TaskScorer.score(task, mutate(TaskPrompts.referenceAnswer(task, true)), true, 70).score();
            assertThat(score.value()).isBetween(0.0, 100.0);
        }
    }
}
