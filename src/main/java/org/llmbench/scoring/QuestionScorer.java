package org.llmbench.scoring;

import java.util.ArrayList;
import java.util.List;
import org.llmbench.suite.Objective;
import org.llmbench.suite.Question;

/**
 * Scores an answer to a suite question: its format rule, its required markers, and that it is not empty. An answer
 * with no word of its own (nothing but text copied from the prompt, or no letter or digit at all, such as {@code {}})
 * scores 0 like an empty one, and a marker counts only outside what the answer copied from the prompt
 * ({@link PromptCopies}). A question's objective checks ({@link Objective}: an expected answer, a choice, executable
 * tests) are checks like the others. Where executable tests exist, they alone decide whether the code is right: the
 * copy rule never keeps them from running (an echoed stub fails its tests; a solution one character away from a line
 * of the prompt passes them).
 */
public final class QuestionScorer {

    private final FormatRuleScorer formats;
    private final CodeJudge judge;

    public QuestionScorer(SyntaxChecker syntax) {
        this(syntax, CodeJudge.NONE);
    }

    /** A scorer whose questions with executable tests run them through the judge. */
    public QuestionScorer(SyntaxChecker syntax, CodeJudge judge) {
        this.formats = new FormatRuleScorer(syntax);
        this.judge = judge;
    }

    public Score score(Question question, String answer, double defaultPassMark) {
        String text = answer == null ? "" : answer;
        PromptCopies copies = PromptCopies.of(question.prompt());
        boolean empty = text.isBlank();
        Objective objective = Objective.of(question);
        // Copies, fence markers and punctuation only. Where executable tests exist they decide: a right solution may
        // differ from a line of the prompt by one character (HumanEval/50), and an echoed stub fails its tests anyway.
        boolean echo = !empty && objective.tests() == null && copies.nothingOwn(text);
        List<Check> checks = new ArrayList<>();
        double answeredWeight = question.formatRule() == null && question.requiredMarkers().isEmpty() && !objective.any() ? 1 : 0;
        checks.add(empty ? Check.failed("answered", answeredWeight, "the answer is empty")
                : echo ? Check.failed("answered", answeredWeight, copies.onlyCopies(text) ? "the answer only copies the prompt"
                        : "the answer has no letter or digit")
                : Check.passed("answered", answeredWeight, "the answer is not empty"));
        if (question.formatRule() != null) {
            checks.addAll(formats.check(text, question.formatRule(), copies));
        }
        checks.addAll(MarkerScorer.check(text, question.requiredMarkers(), copies));
        Methods methods = null;
        if (objective.methods() != null) {
            methods = methods(objective, text, empty || echo, question.passScore() == null ? defaultPassMark : question.passScore(), checks);
        } else {
            if (objective.answer() != null) {
                checks.add(AnswerMatch.check(objective, text));
            }
            if (objective.tests() != null && !empty) {
                checks.addAll(CodeChecks.check(judge, objective.tests(), text));
            } else if (objective.tests() != null) {
                checks.add(Check.failed("tests", 1, "not run: the answer is empty"));
            }
        }
        if (empty || echo) {
            // An empty answer or an echo must never pass, whatever weights the other checks carry.
            return new Score(0, passMark(question, defaultPassMark), List.copyOf(checks), methods);
        }
        return Score.of(checks, passMark(question, defaultPassMark)).withMethods(methods);
    }

    /**
     * Every method's verdict; the headline's checks join the question's (the first method read from text: a
     * method the engine scores itself, such as {@code loglikelihood}, takes the headline when it adds its verdict).
     * An empty answer or an echo scores 0 under every method, as under llm-bench's own rule.
     */
    private Methods methods(Objective objective, String text, boolean nothing, double passMark, List<Check> checks) {
        List<Methods.Verdict> verdicts = new ArrayList<>();
        if (text.isBlank() && objective.tests() != null) {
            // Nothing to run: every method's verdict is 0, as an empty answer's always was.
            checks.add(Check.failed("tests", 1, "not run: the answer is empty"));
            return unanswered(objective);
        }
        String headline = null;
        for (var e : MethodScorer.score(objective, text, judge).entrySet()) {
            MethodOutcome o = e.getValue();
            verdicts.add(new Methods.Verdict(e.getKey().wireName(), nothing ? 0 : Score.of(o.checks(), passMark).value(), o.read()));
            if (headline == null) {
                headline = e.getKey().wireName();
                checks.addAll(o.checks());
            }
        }
        return new Methods(headline, objective.methods().promptFormat(), verdicts);
    }

    /** The verdicts of a question no answer came for (a failed call): 0 under every method; null without methods. */
    public static Methods unanswered(Question question) {
        Objective objective = Objective.of(question);
        return objective.methods() == null ? null : unanswered(objective);
    }

    private static Methods unanswered(Objective objective) {
        List<Methods.Verdict> verdicts = objective.methods().methods().stream()
                .filter(m -> m != org.llmbench.suite.ScoringMethod.LOGLIKELIHOOD)
                .map(m -> new Methods.Verdict(m.wireName(), 0, null)).toList();
        return new Methods(verdicts.isEmpty() ? null : verdicts.get(0).method(), objective.methods().promptFormat(), verdicts);
    }

    private static double passMark(Question question, double defaultPassMark) {
        return question.passScore() == null ? defaultPassMark : question.passScore();
    }
}
