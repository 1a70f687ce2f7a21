package org.llmbench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.scoring.QuestionScorer;
import org.llmbench.scoring.SyntaxChecker;
import org.llmbench.tasks.SuiteCodeJudge;

/** Each public format in a small file written here: the reference scores 100, a wrong or empty answer 0. */
class PublicFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final QuestionScorer SCORER = new QuestionScorer(new SyntaxChecker(false), SuiteCodeJudge.withDefaults());

    @TempDir
    Path dir;

    static final String HE_PROMPT = "from typing import List\n\n\ndef add_all(xs: List[int], k: int) -> List[int]:\n"
            + "    \"\"\" Adds k to every number.\n    >>> add_all([1, 2], 1)\n    [2, 3]\n    \"\"\"\n";
    static final String HE_TEST = "\n\nMETADATA = {'author': 'test'}\n\n\ndef check(candidate):\n"
            + "    assert candidate([1, 2], 1) == [2, 3]\n    assert candidate([], 5) == []\n"
            + "    for i in range(3):\n        assert candidate([i], i) == [2 * i]\n"
            + "    assert abs(sum(candidate([0.5], 0.25)) - 0.75) < 1e-9\n";

    private Path humanEval() throws IOException {
        Map<String, Object> row = Map.of("task_id", "HumanEval/0", "prompt", HE_PROMPT,
                "canonical_solution", "    return [x + k for x in xs]\n", "test", HE_TEST, "entry_point", "add_all");
        return write("HumanEval.jsonl.gz", JSON.writeValueAsString(row) + "\n", true);
    }

    private Path write(String name, String text, boolean gzip) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static double score(Question q, String answer) {
        return SCORER.score(q, answer, 100).value();
    }

    @Test
    void humanEvalIsReadAsItIsAndJudgedOutsideTheModelsProcess() throws Exception {
        assumeTrue(org.llmbench.tasks.TaskFixturesAccess.hasPython(), "python3 needed");
        Suite suite = SuiteLoader.load(SuiteOrigin.ofFile(humanEval()));
        assertThat(suite.id()).isEqualTo("HumanEval");
        Question q = suite.questions().get(0);
        assertThat(q.id()).isEqualTo("HumanEval_0");
        assertThat(q.extra().get("dataset_id").asText()).isEqualTo("HumanEval/0");
        assertThat(score(q, q.referenceAnswer())).as("completion-style reference " + SCORER.score(q, q.referenceAnswer(), 100).checks()).isEqualTo(100);
        assertThat(score(q, "Here it is:\n```python\nfrom typing import List\n\ndef add_all(xs, k):\n"
                + "    return [x + k for x in xs]\n```\n")).as("fenced full function").isEqualTo(100);
        assertThat(score(q, "    return [x + k + 1 for x in xs]\n")).as("wrong").isEqualTo(0);
        assertThat(score(q, "")).as("empty").isEqualTo(0);
        assertThat(score(q, q.prompt())).as("an echo of the prompt").isEqualTo(0);
        assertThat(score(q, "    return [x + k for x in xs] if len(xs) != 1 else xs\n")).as("one assert fails: all or nothing")
                .isEqualTo(0);
    }

    /** Attacks on the judge: each forges a pass in its own process; none may score. */
    @Test
    void aForgingModelScoresNothing() throws Exception {
        assumeTrue(org.llmbench.tasks.TaskFixturesAccess.hasPython(), "python3 needed");
        Question q = SuiteLoader.load(SuiteOrigin.ofFile(humanEval())).questions().get(0);
        List<String> forgeries = List.of(
                // prints what a passing run would print, then exits before any test runs
                "import sys, os\nfor i in range(1, 5):\n    sys.__stdout__.write('{\"test\": %d, \"passed\": true}\\n' % i)\n"
                        + "sys.__stdout__.write('{\"done\": true}\\n')\nsys.__stdout__.flush()\nos._exit(0)\n",
                // an object equal to everything
                "class Any(list):\n    def __eq__(self, o):\n        return True\n    def __ne__(self, o):\n        return False\n"
                        + "def add_all(xs, k):\n    return Any()\n",
                // swallows the assertion: patches the builtins the test uses and AssertionError
                "import builtins\nbuiltins.abs = lambda v: 0\nbuiltins.AssertionError = Exception\n"
                        + "def add_all(xs, k):\n    return None\n",
                // claims a record for a call before it is made, with a wrong value, then the right call raises
                "import sys\nsys.__stdout__.write('{\"test\":1,\"key\":\"x\",\"returned\":\"[2, 3]\"}\\n')\n"
                        + "def add_all(xs, k):\n    raise ValueError()\n");
        for (String forged : forgeries) {
            assertThat(score(q, "```python\n" + forged + "```")).as(forged).isEqualTo(0);
        }
    }

    @Test
    void mbppAssertLinesAreSharedOrAllOrNothing() throws Exception {
        assumeTrue(org.llmbench.tasks.TaskFixturesAccess.hasPython(), "python3 needed");
        Map<String, Object> row = Map.of("task_id", 11, "text", "Write a function to remove a character from a string.",
                "code", "def remove_char(s, c):\r\n    return s.replace(c, '')", "test_list",
                List.of("assert remove_char(\"hello\", \"l\") == \"heo\"", "assert remove_char(\"abcda\", \"a\") == \"bcd\"",
                        "assert set(remove_char(\"PHP\", \"P\")) == {\"H\"}"),
                "test_setup_code", "", "challenge_test_list", List.of());
        Path file = write("mbpp.jsonl", JSON.writeValueAsString(row) + "\n", false);
        Suite suite = SuiteLoader.load(SuiteOrigin.ofFile(file));
        Question q = suite.questions().get(0);
        assertThat(suite.id()).isEqualTo("mbpp");
        assertThat(q.id()).isEqualTo("11");
        assertThat(score(q, q.referenceAnswer())).as("fenced reference").isEqualTo(100);
        assertThat(score(q, "def remove_char(s, c):\n    return s.replace(c, '')\n")).as("bare code").isEqualTo(100);
        assertThat(score(q, "```python\ndef remove_char(s, c):\n    return s.replace(c, '', 1)\n```")).as("wrong").isEqualTo(0);
        assertThat(score(q, "")).isEqualTo(0);
    }

    @Test
    void gsm8kScoresTheNumberAfterTheMarks() throws Exception {
        String lines = JSON.writeValueAsString(Map.of("question", "Ann has 1,200 apples and buys 34 more. How many?",
                "answer", "She has 1200 + 34 = <<1200+34=1234>>1234 apples.\n#### 1,234")) + "\n"
                + JSON.writeValueAsString(Map.of("question", "What is 2 + 3?", "answer", "2 + 3 = 5\n#### 5")) + "\n";
        Suite suite = SuiteLoader.load(SuiteOrigin.ofFile(write("gsm8k-test.jsonl", lines, false)));
        assertThat(suite.id()).isEqualTo("gsm8k-test");
        Question q = suite.questions().get(0);
        assertThat(score(q, q.referenceAnswer())).isEqualTo(100);
        assertThat(score(q, "The total is $1,234.")).isEqualTo(100);
        assertThat(score(q, "#### 1233")).isEqualTo(0);
        assertThat(score(q, "")).isEqualTo(0);
        assertThat(score(q, q.prompt())).as("an echo").isEqualTo(0);
        assertThat(score(suite.questions().get(1), suite.questions().get(1).referenceAnswer())).isEqualTo(100);
    }

    @Test
    void mmluCsvScoresTheLetter() throws Exception {
        String csv = "\"Which planet is largest?\",Mars,Jupiter,Venus,Earth,B\n"
                + "\"Pick the prime, \"\"please\"\"\",4,6,7,9,C\n";
        Suite suite = SuiteLoader.load(SuiteOrigin.ofFile(write("astronomy_test.csv", csv, false)));
        assertThat(suite.id()).isEqualTo("astronomy_test");
        Question q = suite.questions().get(0);
        assertThat(q.prompt()).contains("B. Jupiter");
        assertThat(score(q, q.referenceAnswer())).isEqualTo(100);
        assertThat(score(q, "Answer: B")).isEqualTo(100);
        assertThat(score(q, "Jupiter")).isEqualTo(100);
        assertThat(score(q, "A")).isEqualTo(0);
        assertThat(score(q, "B or C")).isEqualTo(0);
        assertThat(score(q, "")).isEqualTo(0);
        assertThat(score(q, q.prompt())).as("an echo lists every choice").isEqualTo(0);
        assertThat(suite.questions().get(1).prompt()).contains("Pick the prime, \"please\"");
        assertThat(score(suite.questions().get(1), "(C)")).isEqualTo(100);
    }

    @Test
    void aTestDrawingRandomInputsIsReplayedWithTheSameInputs() throws Exception {
        assumeTrue(org.llmbench.tasks.TaskFixturesAccess.hasPython(), "python3 needed");
        String test = "import random\n\ndef check(candidate):\n    for _ in range(20):\n"
                + "        s = ''.join(random.choice('abc') for _ in range(random.randint(0, 8)))\n"
                + "        assert candidate(s) == s[::-1], s\n";
        Map<String, Object> row = Map.of("task_id", "HumanEval/9", "prompt", "def rev(s: str) -> str:\n    \"\"\" Reversed. \"\"\"\n",
                "canonical_solution", "    return s[::-1]\n", "test", test, "entry_point", "rev");
        Question q = SuiteLoader.load(SuiteOrigin.ofFile(write("he-random.jsonl", JSON.writeValueAsString(row) + "\n", false)))
                .questions().get(0);
        assertThat(score(q, q.referenceAnswer())).isEqualTo(100);
        assertThat(score(q, "    return s\n")).isEqualTo(0);
    }

    @Test
    void mmluJsonlWithAnIndexAnswer() throws Exception {
        String line = JSON.writeValueAsString(Map.of("question", "2 + 2?", "subject", "math", "choices",
                List.of("3", "4", "5", "22"), "answer", 1));
        Question q = SuiteLoader.load(SuiteOrigin.ofFile(write("mmlu_math.jsonl", line + "\n", false))).questions().get(0);
        assertThat(q.referenceAnswer()).isEqualTo("B");
        assertThat(score(q, "B")).isEqualTo(100);
        assertThat(score(q, "The answer is 4")).isEqualTo(100);
        assertThat(score(q, "22")).isEqualTo(0);
    }

    @Test
    void aGsm8kAnswerThatIsNoNumberIsAnErrorNotAFreePass() throws Exception {
        Path file = write("gsm8k-bad.jsonl", JSON.writeValueAsString(Map.of("question", "q", "answer", "x\n#### 2")) + "\n"
                + JSON.writeValueAsString(Map.of("question", "q", "answer", "x\n#### one half")) + "\n", false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SuiteLoader.load(SuiteOrigin.ofFile(file)))
                .isInstanceOf(SuiteException.class).hasMessageContaining(":2").hasMessageContaining("must be a number");
    }

    @Test
    void aFileOfNoKnownShapeNamesItsLineAndTheFormats() throws Exception {
        Path file = write("odd.jsonl", "{\"question\": \"q\", \"answer\": \"4\"}\n", false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SuiteLoader.load(SuiteOrigin.ofFile(file)))
                .isInstanceOf(SuiteException.class).hasMessageContaining("HumanEval").hasMessageContaining("1");
    }
}
