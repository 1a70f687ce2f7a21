package org.llmbench.scoring;

import java.util.Locale;
import java.util.regex.Pattern;
import org.llmbench.suite.Objective;

/**
 * Compares an answer with a question's expected {@code answer} by its {@code answer_match} rule: {@code exact}
 * (the whole answer, or what follows its last "Answer:", trimmed, ignoring case and a final period), {@code number}
 * ({@link NumberAnswer}), {@code regex} (found anywhere, on at most 20,000 characters and a bounded number of steps,
 * so a hostile answer cannot make the pattern backtrack for ever), or the choice of a multiple-choice question
 * ({@link ChoiceAnswer}).
 */
final class AnswerMatch {

    private static final int MAX_CHARS = 20_000;
    private static final long MAX_STEPS = 5_000_000;

    private AnswerMatch() {
    }

    static Check check(Objective objective, String answer) {
        return switch (objective.match()) {
            case NUMBER -> NumberAnswer.check(objective.answer(), answer);
            case CHOICE -> ChoiceAnswer.check(objective.answer(), objective.choices(), answer);
            case REGEX -> regex(objective.answer(), answer);
            case EXACT -> exact(objective.answer(), answer);
        };
    }

    private static Check exact(String expected, String answer) {
        String whole = normal(answer);
        int label = answer.toLowerCase(Locale.ROOT).lastIndexOf("answer:");
        String labelled = label < 0 ? null : normal(answer.substring(label + 7));
        String want = normal(expected);
        return whole.equals(want) || want.equals(labelled)
                ? Check.passed("answer", 1, "the answer is the expected one")
                : Check.failed("answer", 1, "the answer is not the expected one");
    }

    private static String normal(String s) {
        return s.strip().replaceAll("\\s+", " ").replaceAll("\\.$", "").toLowerCase(Locale.ROOT);
    }

    private static Check regex(String pattern, String answer) {
        String text = answer.length() > MAX_CHARS ? answer.substring(0, MAX_CHARS) : answer;
        try {
            boolean found = Pattern.compile(pattern).matcher(new Bounded(text)).find();
            return found ? Check.passed("answer", 1, "the answer matches the expected pattern")
                    : Check.failed("answer", 1, "the answer does not match the expected pattern");
        } catch (StepLimit e) {
            return Check.failed("answer", 1, "the pattern took too long on this answer");
        }
    }

    /** Raised when a pattern has read too many characters: the regex engine cannot be interrupted otherwise. */
    private static final class StepLimit extends RuntimeException {
        StepLimit() {
            super(null, null, false, false);
        }
    }

    /** A text that counts the characters the regex engine reads. */
    private static final class Bounded implements CharSequence {
        private final String text;
        private final long[] steps;

        Bounded(String text) {
            this(text, new long[1]);
        }

        private Bounded(String text, long[] steps) {
            this.text = text;
            this.steps = steps;
        }

        @Override
        public char charAt(int index) {
            if (++steps[0] > MAX_STEPS) {
                throw new StepLimit();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Bounded(text.substring(start, end), steps);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
