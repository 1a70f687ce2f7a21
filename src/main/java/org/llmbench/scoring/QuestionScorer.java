package org.llmbench.scoring;

import java.util.ArrayList;
import java.util.List;
import org.llmbench.suite.Question;

/**
 * Scores an answer to a suite question: its format rule, its required markers, and that it is not empty. An answer
 * with no word of its own (nothing but text copied from the prompt, or no letter or digit at all, such as {@code {}})
 * scores 0 like an empty one, and a marker counts only outside what the answer copied from the prompt
 * ({@link PromptCopies}).
 */
public final class QuestionScorer {

    private final FormatRuleScorer formats;

    public QuestionScorer(SyntaxChecker syntax) {
        this.formats = new FormatRuleScorer(syntax);
    }

    public Score score(Question question, String answer, double defaultPassMark) {
        String text = answer == null ? "" : answer;
        PromptCopies copies = PromptCopies.of(question.prompt());
        boolean empty = text.isBlank();
        boolean echo = !empty && copies.nothingOwn(text); // copies, fence markers and punctuation only
        List<Check> checks = new ArrayList<>();
        double answeredWeight = question.formatRule() == null && question.requiredMarkers().isEmpty() ? 1 : 0;
        checks.add(empty ? Check.failed("answered", answeredWeight, "the answer is empty")
                : echo ? Check.failed("answered", answeredWeight, copies.onlyCopies(text) ? "the answer only copies the prompt"
                        : "the answer has no letter or digit")
                : Check.passed("answered", answeredWeight, "the answer is not empty"));
        if (question.formatRule() != null) {
            checks.addAll(formats.check(text, question.formatRule(), copies));
        }
        checks.addAll(MarkerScorer.check(text, question.requiredMarkers(), copies));
        if (empty || echo) {
            // An empty answer or an echo must never pass, whatever weights the other checks carry.
            return new Score(0, passMark(question, defaultPassMark), List.copyOf(checks));
        }
        return Score.of(checks, passMark(question, defaultPassMark));
    }

    private static double passMark(Question question, double defaultPassMark) {
        return question.passScore() == null ? defaultPassMark : question.passScore();
    }
}
