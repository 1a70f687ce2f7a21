package org.llmbench.scoring;

import java.util.List;
import java.util.regex.Pattern;

/**
 * MMLU as lm-evaluation-harness's {@code mmlu_generative} reads a generated answer: the generation cut at
 * {@code </s>} and {@code \n}; the {@code get_response} filter ({@code ^(.*?)(?=\n|$)}, {@code remove_whitespace},
 * {@code ^(.*?)\s*$}, take first); then {@code exact_match} against the answer letter with {@code ignore_case} and
 * {@code ignore_punctuation}. So {@code B}, {@code b}, {@code (B)}, {@code B.} and {@code **B**} are B; {@code B) Paris}
 * and {@code Answer: B} are not.
 */
final class MmluGenerative {

    private static final List<String> UNTIL = List.of("</s>", "\n");
    private static final Pattern FIRST_LINE = LmEvalText.pattern("^(.*?)(?=\\n|$)");
    private static final Pattern TRAILING_SPACE = LmEvalText.pattern("^(.*?)" + LmEvalText.PY_SPACE + "*$");

    private MmluGenerative() {
    }

    /** What {@code get_response} keeps of the answer. */
    static String read(String answer) {
        String r = LmEvalText.regexFilter(LmEvalText.until(answer, UNTIL), FIRST_LINE, 0);
        return LmEvalText.regexFilter(LmEvalText.strip(r), TRAILING_SPACE, 0);
    }

    static MethodOutcome check(String letter, String answer) {
        String read = read(answer);
        boolean right = LmEvalText.exactMatch(read, letter, List.of(), true, true);
        return new MethodOutcome(List.of(right ? Check.passed("answer", 1, "generative read " + LmEvalText.clip(read) + ": right")
                : Check.failed("answer", 1, "generative read " + LmEvalText.clip(read) + ": not the answer")), read);
    }
}
