package org.llmbench.scoring;

import java.util.List;
import java.util.regex.Pattern;
import org.llmbench.suite.ScoringMethod;

/**
 * GSM8K as lm-evaluation-harness's {@code gsm8k} task (version 3.0) scores it: the generation cut at
 * {@code Question:}, {@code </s>}, {@code <|im_end|>}; {@code strict-match} takes the first {@code #### (-?[0-9.,]+)},
 * {@code flexible-extract} the last match of {@code (-?[$0-9.,]{2,})|(-?[0-9]+)}; then {@code exact_match} against the
 * dataset's whole answer with {@code ignore_case} and {@code regexes_to_ignore} {@code ,}, {@code \$},
 * {@code (?s).*#### }, {@code \.$}. So {@code 18.00} is not {@code 18}, and {@code $1,234} is {@code 1234}.
 */
final class Gsm8kMethods {

    private static final List<String> UNTIL = List.of("Question:", "</s>", "<|im_end|>");
    private static final Pattern STRICT = LmEvalText.pattern("#### (\\-?[0-9\\.\\,]+)");
    private static final Pattern FLEXIBLE = LmEvalText.pattern("(-?[$0-9.,]{2,})|(-?[0-9]+)");
    private static final List<Pattern> IGNORE = List.of(LmEvalText.pattern(","), LmEvalText.pattern("\\$"),
            LmEvalText.pattern("(?s).*#### "), LmEvalText.pattern("\\.$"));

    private Gsm8kMethods() {
    }

    /** What the method reads from the answer ({@code [invalid]} when its filter finds nothing). */
    static String read(ScoringMethod method, String answer) {
        String generation = LmEvalText.until(answer, UNTIL);
        return method == ScoringMethod.STRICT_MATCH ? LmEvalText.regexFilter(generation, STRICT, 0)
                : LmEvalText.regexFilter(generation, FLEXIBLE, -1);
    }

    /** The method's check of an answer against the dataset's whole answer text ({@code ... #### 18}). */
    static MethodOutcome check(ScoringMethod method, String target, String answer) {
        String read = read(method, answer);
        boolean right = LmEvalText.exactMatch(read, target, IGNORE, true, false);
        return new MethodOutcome(List.of(right ? Check.passed("answer", 1, method.wireName() + " read " + LmEvalText.clip(read) + ": right")
                : Check.failed("answer", 1, method.wireName() + " read " + LmEvalText.clip(read) + ": not the answer")), read);
    }
}
