package org.llmbench.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.llmbench.suite.Question;

/** Scores an answer to a suite question: its format rule, its required markers, and that it is not empty. */
public final class QuestionScorer {

    private final FormatRuleScorer formats;

    public QuestionScorer(SyntaxChecker syntax) {
        this.formats = new FormatRuleScorer(syntax);
    }

    public Score score(Question question, String answer, double defaultPassMark) {
        String text = answer == null ? "" : answer;
        List<Check> checks = new ArrayList<>();
        checks.add(Check.verify("answered", question.formatRule() == null && question.requiredMarkers().isEmpty() ? 1 : 0,
                "the answer is not empty", () -> assertThat(text).withFailMessage("the answer is empty").isNotBlank()));
        if (question.formatRule() != null) {
            checks.addAll(formats.check(text, question.formatRule()));
        }
        checks.addAll(MarkerScorer.check(text, question.requiredMarkers()));
        if (text.isBlank()) {
            // An empty answer must never pass, whatever weights the other checks carry.
            return new Score(0, passMark(question, defaultPassMark), List.copyOf(checks));
        }
        return Score.of(checks, passMark(question, defaultPassMark));
    }

    private static double passMark(Question question, double defaultPassMark) {
        return question.passScore() == null ? defaultPassMark : question.passScore();
    }
}
