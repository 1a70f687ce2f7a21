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
}
