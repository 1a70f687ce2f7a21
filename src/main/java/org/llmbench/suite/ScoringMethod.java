package org.llmbench.suite;

import java.util.List;
import java.util.Locale;

/**
 * A way of reading an answer that a published scorer defines (or llm-bench's own reading), named as its reference
 * names it. A public-format question lists the methods that apply to it, headline first ({@code methods} in its
 * fields); every one is scored and recorded, the headline is the question's score.
 */
public enum ScoringMethod {
    /** lm-evaluation-harness gsm8k: the first {@code #### n}, exact match after its ignore rules. */
    STRICT_MATCH("strict-match", "lm-evaluation-harness gsm8k, filter strict-match", Kind.NUMBER),
    /** lm-evaluation-harness gsm8k: the last number-like stretch, exact match after its ignore rules. */
    FLEXIBLE_EXTRACT("flexible-extract", "lm-evaluation-harness gsm8k, filter flexible-extract", Kind.NUMBER),
    /** llm-bench: the number after the last {@code ####} (else boxed, else last), compared by value. */
    BY_VALUE("by-value", "llm-bench: the number given, compared by value", Kind.NUMBER),
    /** lm-evaluation-harness mmlu_generative: the first line, exact match ignoring case and punctuation. */
    GENERATIVE("generative", "lm-evaluation-harness mmlu_generative, filter get_response", Kind.CHOICE),
    /** llm-bench: the choice a reader takes the answer to make. */
    LENIENT("lenient", "llm-bench: the choice a reader takes the answer to make", Kind.CHOICE),
    /**
     * lm-evaluation-harness mmlu (default): the letter with the highest log-likelihood. Not read from text: the
     * engine's log-likelihood path scores it and adds its verdict to the score.
     */
    LOGLIKELIHOOD("loglikelihood", "lm-evaluation-harness mmlu, acc over log-likelihoods", Kind.CHOICE),
    /** EvalPlus sanitize: the code that defines the entry point and what it depends on. */
    EVALPLUS("evalplus", "EvalPlus sanitize (entry point and its dependencies)", Kind.CODE),
    /** openai/human-eval: the prompt followed by the answer as it is (a body-only completion). */
    HUMAN_EVAL("human-eval", "openai/human-eval: prompt + completion", Kind.CODE),
    /** llm-bench: the prefix, then the answer's first fenced block (else the whole answer). */
    FIRST_BLOCK("first-block", "llm-bench: the first fenced code block after the prompt", Kind.CODE);

    /** What a method reads: a number, a choice, or code to run. */
    public enum Kind { NUMBER, CHOICE, CODE }

    private final String wireName;
    private final String reference;
    private final Kind kind;

    ScoringMethod(String wireName, String reference, Kind kind) {
        this.wireName = wireName;
        this.reference = reference;
        this.kind = kind;
    }

    public String wireName() {
        return wireName;
    }

    /** The scorer this method reproduces, in words. */
    public String reference() {
        return reference;
    }

    public Kind kind() {
        return kind;
    }

    /** The method of this name, or null. */
    public static ScoringMethod of(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (ScoringMethod m : values()) {
            if (m.wireName.equals(n)) {
                return m;
            }
        }
        return null;
    }

    /** Every method name, for messages. */
    public static List<String> names() {
        return java.util.Arrays.stream(values()).map(ScoringMethod::wireName).toList();
    }
}
