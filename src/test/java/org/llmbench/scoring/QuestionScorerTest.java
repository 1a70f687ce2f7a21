package org.llmbench.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.llmbench.suite.FormatRule;
import org.llmbench.suite.Question;

class QuestionScorerTest {

    private final QuestionScorer scorer = new QuestionScorer(new SyntaxChecker(false));

    private static Question question(FormatRule rule, List<String> markers, Double passScore) {
        return new Question("Q1", "prompt", markers, rule, passScore, 1.0, null, List.of(), 1, 1, Map.of());
    }

    @Test
    void fullMarksWhenShapeAndMarkersAreRight() {
        Score score = scorer.score(question(FormatRule.JSON_DICT, List.of("\"code\"", "404"), null), "{\"code\": 404}", 70);
        assertThat(score.value()).isEqualTo(100.0);
        assertThat(score.passed()).isTrue();
    }

    @Test
    void markersShareOneUnitOfWeightAndTheFormatRuleIsWorthOne() {
        Score score = scorer.score(question(FormatRule.JSON_DICT, List.of("alpha", "beta"), null), "{\"alpha\": 1}", 70);
        assertThat(score.value()).isEqualTo(75.0);
        assertThat(score.failedChecks()).extracting(Check::name).containsExactly("marker:beta");
        assertThat(score.failedChecks().get(0).reason()).isEqualTo("does not mention 'beta'");
    }

    @Test
    void markersAreCaseInsensitive() {
        Score score = scorer.score(question(null, List.of("not found"), null), "404 Not Found", 70);
        assertThat(score.value()).isEqualTo(100.0);
    }

    @Test
    void belowThePassMarkFailsWithEveryFailedCheckListed() {
        Score score = scorer.score(question(FormatRule.FIVE_BULLETS, List.of("tests"), 90.0), "- tests\n- b", 70);
        assertThat(score.passMark()).isEqualTo(90.0);
        assertThat(score.passed()).isFalse();
        assertThat(score.failureSummary()).contains("format:five_bullets").contains("expected 5 bullet lines, found 2");
    }

    @Test
    void emptyOrNullAnswersScoreZero() {
        assertThat(scorer.score(question(null, List.of(), null), "   ", 70).value()).isZero();
        assertThat(scorer.score(question(null, List.of(), null), null, 70).value()).isZero();
        assertThat(scorer.score(question(null, List.of(), null), "anything", 70).value()).isEqualTo(100.0);
    }

    @Test
    void hugeHostileAnswersAreScoredWithShortReasons() {
        String huge = "```python\n" + "x".repeat(2_000_000) + "\n";
        Score score = scorer.score(question(FormatRule.JSON_DICT, List.of("needle"), null), huge, 70);
        assertThat(score.value()).isZero();
        assertThat(score.checks()).allSatisfy(c -> assertThat(c.reason().length()).isLessThan(200));
    }

    @Test
    void reasonsReadAsEnglishAndShowMarkersAsTheSuiteWroteThem() {
        Score score = scorer.score(question(FormatRule.PYTHON_CODE, List.of("csv.DictReader"), null), "I would use a loop.", 70);

        assertThat(score.failedChecks()).extracting(Check::reason)
                .contains("no python code block found", "does not mention 'csv.DictReader'");
        assertThat(score.failureRule()).isEqualTo("format rule not met: python_code");
        Score bash = scorer.score(question(FormatRule.BASH_CODE, List.of(), null), "ls", 70);
        assertThat(bash.failedChecks()).extracting(Check::reason).contains("no bash code block found");
    }

    @Test
    void theFailureRuleIsTheMostSpecificOneAndTheSameForEveryAnswerThatBrokeIt() {
        Score call = Score.of(List.of(Check.failed("model call", 1, "timeout: no answer within 30 s")), 70);
        Score envelope = Score.of(List.of(Check.failed("strict-json envelope", 1, "no JSON object at 3"),
                Check.failed("format:json_dict", 1, "x")), 70);
        Score wrong = scorer.score(question(null, List.of("alpha"), null), "beta", 70);

        assertThat(call.failureRule()).isEqualTo("model call failed: timeout");
        assertThat(envelope.failureRule()).isEqualTo("answer envelope not parsed");
        assertThat(wrong.failureRule()).isEqualTo("below the pass mark");
        assertThat(scorer.score(question(null, List.of("alpha"), null), "gamma", 70).failureRule()).isEqualTo(wrong.failureRule());
    }

    /**
     * HumanEval/50: the canonical solution of {@code decode_shift} differs from the prompt's {@code encode_shift} line by
     * one character, so the answer has (almost) no word of its own; the tests, not the copy rule, decide. A judge that
     * runs the program (here, one that passes exactly the right line) scores it 100, an echoed stub 0.
     */
    @Test
    void whereTestsExistTheyDecideAndTheEchoRuleNeverKeepsThemFromRunning() throws Exception {
        String encode = "    return \"\".join([chr(((ord(ch) + 5 - ord(\"a\")) % 26) + ord(\"a\")) for ch in s])";
        String decode = "    return \"\".join([chr(((ord(ch) - 5 - ord(\"a\")) % 26) + ord(\"a\")) for ch in s])";
        String prompt = "def encode_shift(s: str):\n    \"\"\"returns encoded string by shifting every character by 5.\"\"\"\n" + encode
                + "\n\n\ndef decode_shift(s: str):\n    \"\"\"takes as input string encoded with encode_shift function.\"\"\"\n";
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Map<String, com.fasterxml.jackson.databind.JsonNode> extra = Map.of(
                "tests", json.readTree("\"def check(candidate):\\n    assert candidate('fgh') == 'abc'\\n\""),
                "entry_point", json.readTree("\"decode_shift\""));
        Question q = new Question("HumanEval_50", prompt, List.of(), null, null, 1.0, null, List.of(), 1, 1, extra);
        List<String> programs = new java.util.ArrayList<>();
        QuestionScorer judged = new QuestionScorer(new SyntaxChecker(false), (tests, program) -> {
            programs.add(program);
            return new CodeJudge.TestRun(List.of(program.contains(decode) ? "" : "wrong value").stream()
                    .map(f -> f.isEmpty() ? null : f).toList(), null, null);
        });
        assertThat(PromptCopies.of(prompt).nothingOwn(decode)).as("the copy rule alone would call it an echo").isTrue();

        Score right = judged.score(q, decode, 70);
        assertThat(right.value()).as(right.failureSummary()).isEqualTo(100.0);
        assertThat(programs).hasSize(1);
        Score echo = judged.score(q, prompt, 70);
        assertThat(echo.value()).as("an echoed stub fails its tests").isZero();
        assertThat(judged.score(q, "   ", 70).value()).as("an empty answer runs nothing").isZero();
        assertThat(programs).hasSize(2);
    }
}
