package org.llmbench.scoring;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.llmbench.suite.Numbers;

/**
 * The number an answer gives: the first number after the last {@code ####}, else the last number inside the last
 * {@code \boxed{}}, else the last number in the answer. Commas between thousands, currency signs and units are
 * ignored ({@code $1,234.50 dollars} is 1234.5); numbers compare by value ({@code 18} equals {@code 18.00}).
 */
final class NumberAnswer {

    private static final Pattern NUMBER = Pattern.compile("[-+]?[$€£]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|[-+]?\\.\\d+");
    private static final int MAX_CHARS = 100_000;

    private NumberAnswer() {
    }

    /** The number the answer gives, or null when it gives none. */
    static BigDecimal extract(String answer) {
        String text = answer.length() > MAX_CHARS ? answer.substring(answer.length() - MAX_CHARS) : answer;
        int hashes = text.lastIndexOf("####");
        if (hashes >= 0) {
            Matcher m = NUMBER.matcher(text.substring(hashes + 4));
            return m.find() ? Numbers.parse(m.group()) : null;
        }
        int boxed = text.lastIndexOf("\\boxed{");
        if (boxed >= 0) {
            int end = text.indexOf('}', boxed);
            BigDecimal inBox = last(text.substring(boxed + 7, end < 0 ? text.length() : end));
            if (inBox != null) {
                return inBox;
            }
        }
        return last(text);
    }

    private static BigDecimal last(String text) {
        Matcher m = NUMBER.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        return Numbers.parse(last);
    }

    /** Whether the answer's number equals the expected one. */
    static Check check(String expected, String answer) {
        BigDecimal want = Numbers.parse(expected);
        BigDecimal got = extract(answer);
        if (got == null) {
            return Check.failed("answer", 1, "the answer gives no number");
        }
        return want != null && want.compareTo(got) == 0
                ? Check.passed("answer", 1, "the answer's number equals the expected one")
                : Check.failed("answer", 1, "the answer's number is not the expected one");
    }
}
