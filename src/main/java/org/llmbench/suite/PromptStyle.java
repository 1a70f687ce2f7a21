package org.llmbench.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * How a run asks public benchmark files and which scoring method heads each: llm-bench's zero-shot instructions
 * ({@code instruct}, headline llm-bench's own reading) or the references' own prompts ({@code reference}, headline
 * the reference's method), with how many worked examples and the methods the user prefers as headline.
 *
 * @param shots the examples asked for, or null for the format's own count (5 for GSM8K and MMLU with reference)
 * @param preferred method names to make the headline where they apply, in order
 */
public record PromptStyle(Kind kind, Integer shots, List<String> preferred) {

    /** llm-bench's own prompts, zero-shot, default headlines: what a run does unless told otherwise. */
    public static final PromptStyle DEFAULT = new PromptStyle(Kind.INSTRUCT, null, List.of());

    /** The two prompt formats. */
    public enum Kind {
        INSTRUCT("instruct"), REFERENCE("reference");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** The kind of this name; an unknown name is an IllegalArgumentException. */
        public static Kind of(String name) {
            for (Kind k : values()) {
                if (k.wireName.equals(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("prompt format must be instruct or reference, not " + name);
        }
    }

    public PromptStyle {
        preferred = List.copyOf(preferred);
    }

    /** The examples a question of this format gets. */
    int shots(PublicFormats.Format format) {
        if (kind == Kind.INSTRUCT || (format != PublicFormats.Format.GSM8K && format != PublicFormats.Format.MMLU)) {
            return 0;
        }
        return shots == null ? 5 : shots;
    }

    /**
     * Every method that reads this format's answers, the headline first: the reference's with the reference's
     * prompt, llm-bench's own with its own (so numbers of earlier runs keep their meaning), unless a preferred
     * method applies.
     */
    List<ScoringMethod> methods(PublicFormats.Format format) {
        boolean reference = kind == Kind.REFERENCE;
        List<ScoringMethod> order = new ArrayList<>(switch (format) {
            case GSM8K -> reference ? List.of(ScoringMethod.STRICT_MATCH, ScoringMethod.FLEXIBLE_EXTRACT, ScoringMethod.BY_VALUE)
                    : List.of(ScoringMethod.BY_VALUE, ScoringMethod.STRICT_MATCH, ScoringMethod.FLEXIBLE_EXTRACT);
            case MMLU -> reference ? List.of(ScoringMethod.LOGLIKELIHOOD, ScoringMethod.GENERATIVE, ScoringMethod.LENIENT)
                    : List.of(ScoringMethod.LENIENT, ScoringMethod.GENERATIVE, ScoringMethod.LOGLIKELIHOOD);
            case HUMANEVAL -> reference ? List.of(ScoringMethod.HUMAN_EVAL, ScoringMethod.EVALPLUS)
                    : List.of(ScoringMethod.FIRST_BLOCK, ScoringMethod.EVALPLUS);
            case MBPP -> reference ? List.of(ScoringMethod.EVALPLUS, ScoringMethod.FIRST_BLOCK)
                    : List.of(ScoringMethod.FIRST_BLOCK, ScoringMethod.EVALPLUS);
        });
        for (String name : preferred) {
            ScoringMethod m = ScoringMethod.of(name);
            if (m != null && order.remove(m)) {
                order.add(0, m);
                break;
            }
        }
        return order;
    }
}
