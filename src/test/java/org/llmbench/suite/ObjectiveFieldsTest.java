package org.llmbench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.scoring.QuestionScorer;
import org.llmbench.scoring.SyntaxChecker;
import org.llmbench.tasks.SuiteCodeJudge;

/** Objective fields in a suite file: validated with their line, and scored. */
class ObjectiveFieldsTest {

    @TempDir
    Path dir;

    private Suite load(String questions) throws Exception {
        Path file = dir.resolve("objective.json");
        Files.writeString(file, "{\"suite_name\": \"objective\", \"questions\": [\n" + questions + "\n]}\n");
        return SuiteLoader.load(SuiteOrigin.ofFile(file));
    }

    @Test
    void aBadFieldIsNamedWithItsLine() {
        assertThatThrownBy(() -> load("{\"id\": \"q1\", \"prompt\": \"p\", \"answer\": \"4\",\n \"answer_match\": \"fuzzy\"}"))
                .isInstanceOf(SuiteException.class).hasMessageContaining("questions[0].answer_match")
                .hasMessageContaining(":2");
        assertThatThrownBy(() -> load("{\"id\": \"q1\", \"prompt\": \"p\", \"choices\": [\"x\", \"y\"], \"answer\": \"C\"}"))
                .isInstanceOf(SuiteException.class).hasMessageContaining("questions[0].answer");
        assertThatThrownBy(() -> load("{\"id\": \"q1\", \"prompt\": \"p\", \"tests\": [\"assert f(1) == 1\"]}"))
                .isInstanceOf(SuiteException.class).hasMessageContaining("questions[0].entry_point");
        assertThatThrownBy(() -> load("{\"id\": \"q1\", \"prompt\": \"p\", \"answer\": \"x\", \"answer_match\": \"number\"}"))
                .isInstanceOf(SuiteException.class).hasMessageContaining("must be a number");
    }

    @Test
    void objectiveChecksScoreTheirQuestions() throws Exception {
        Suite suite = load("""
                {"id": "exact", "prompt": "Capital of France?", "answer": "Paris", "reference_answer": "Paris"},
                {"id": "regex", "prompt": "A date?", "answer": "\\\\d{4}-\\\\d{2}-\\\\d{2}", "answer_match": "regex",
                 "reference_answer": "It is 2024-01-31."},
                {"id": "choice", "prompt": "Largest?", "choices": {"A": "Mars", "B": "Jupiter"}, "answer": "b",
                 "reference_answer": "B"},
                {"id": "java", "prompt": "Write int twice(int x) in class Solution.", "language": "java",
                 "entry_point": "twice", "tests": [{"call": "Solution.twice(2)", "expected": "4"},
                 {"call": "Solution.twice(-1)", "expected": "-2"}],
                 "reference_answer": "```java\\nclass Solution { static int twice(int x) { return 2 * x; } }\\n```"}
                """);
        QuestionScorer scorer = new QuestionScorer(new SyntaxChecker(false), SuiteCodeJudge.withDefaults());
        for (Question q : suite.questions()) {
            assertThat(scorer.score(q, q.referenceAnswer(), 100).value()).as(q.id()).isEqualTo(100);
        }
        Question exact = suite.questions().get(0);
        assertThat(scorer.score(exact, "Answer: paris.", 100).value()).isEqualTo(100);
        assertThat(scorer.score(exact, "Lyon", 100).value()).isEqualTo(0);
        Question java = suite.questions().get(3);
        var half = scorer.score(java, "class Solution { static int twice(int x) { return x < 0 ? x : 2 * x; } }", 100);
        assertThat(half.value()).as("the share of tests passed").isEqualTo(50);
        assertThat(scorer.score(java, "class Solution { static int twice(int x) { return 4; } }", 100).value()).isEqualTo(50);
    }
}
