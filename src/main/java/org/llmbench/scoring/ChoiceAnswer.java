package org.llmbench.scoring;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The choice an answer makes in a multiple-choice question. In order: a label given explicitly ("Answer: C",
 * "the answer is (C)"), the answer being a lone label ("C", "(C)", "C."), the only label standing alone in it, the
 * only choice whose text it contains. An answer naming two labels, or the text of two choices, makes no choice:
 * a model cannot score by listing every option (an echo of the prompt, which lists them all, scores nothing).
 */
final class ChoiceAnswer {

    private static final Pattern EXPLICIT = Pattern.compile(
            "(?i:answer|option|choice)(?:\\s+(?i:is|would be|:))?\\s*[:\\-]?\\s*\\**\\s*\\(?([A-Z])\\)?(?![A-Za-z0-9])"
                    + "(\\s*(?:,|/|&|(?i:and|or))\\s*\\(?[A-Z]\\)?(?![A-Za-z0-9]))?");
    private static final Pattern LONE = Pattern.compile("[\\s*_`\"'(\\[]*([A-Z])[\\s*_`\"').\\]:]*");
    private static final Pattern LEADING = Pattern.compile("\\s*[*_`]*\\(?([A-Z])[.):][*_`]*\\s.*", Pattern.DOTALL);
    private static final Pattern STANDALONE = Pattern.compile("(?<![A-Za-z0-9'’])([A-Z])(?![A-Za-z0-9'’])(\\s+[a-z])?");
    private static final int MAX_CHARS = 20_000;

    /** The label chosen, or null with why not. */
    record Choice(String label, String reason) {
    }

    private ChoiceAnswer() {
    }

    static Choice extract(String answer, Map<String, String> choices) {
        String text = answer.length() > MAX_CHARS ? answer.substring(answer.length() - MAX_CHARS) : answer;
        Set<String> labels = choices.keySet();
        Set<String> explicit = new LinkedHashSet<>();
        Matcher m = EXPLICIT.matcher(text);
        while (m.find()) {
            if (m.group(2) != null) {
                return new Choice(null, "the answer names more than one choice");
            }
            if (labels.contains(m.group(1))) {
                explicit.add(m.group(1));
            }
        }
        if (explicit.size() == 1) {
            return new Choice(explicit.iterator().next(), "given explicitly");
        }
        if (explicit.size() > 1) {
            return new Choice(null, "the answer names more than one choice");
        }
        Matcher lone = LONE.matcher(text);
        if (lone.matches() && labels.contains(lone.group(1))) {
            return new Choice(lone.group(1), "a lone label");
        }
        Set<String> standing = new LinkedHashSet<>();
        Matcher s = STANDALONE.matcher(text);
        while (s.find()) {
            boolean word = s.group(2) != null && (s.group(1).equals("A") || s.group(1).equals("I"));
            if (labels.contains(s.group(1)) && !word) { // "A dog", "I think": an article or a pronoun, not a label
                standing.add(s.group(1));
            }
        }
        Matcher leading = LEADING.matcher(text);
        if (standing.size() == 1 || (leading.matches() && labels.contains(leading.group(1)) && standing.size() <= 1)) {
            return new Choice(standing.isEmpty() ? leading.group(1) : standing.iterator().next(), "the only label named");
        }
        if (standing.size() > 1) {
            return new Choice(null, "the answer names more than one choice");
        }
        String said = normal(text);
        Set<String> texts = new LinkedHashSet<>();
        for (var e : choices.entrySet()) {
            String c = normal(e.getValue());
            if (!c.isEmpty() && Pattern.compile("(?<![a-z0-9])" + Pattern.quote(c) + "(?![a-z0-9])").matcher(said).find()) {
                texts.add(e.getKey());
            }
        }
        if (texts.size() == 1) {
            return new Choice(texts.iterator().next(), "the text of one choice");
        }
        return new Choice(null, texts.isEmpty() ? "the answer names no choice" : "the answer names more than one choice");
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[.!]+$", "").strip();
    }

    static Check check(String expected, Map<String, String> choices, String answer) {
        Choice choice = extract(answer, choices);
        if (choice.label() == null) {
            return Check.failed("choice", 1, choice.reason());
        }
        return choice.label().equals(expected)
                ? Check.passed("choice", 1, "chose " + choice.label() + " (" + choice.reason() + ")")
                : Check.failed("choice", 1, "chose " + choice.label() + ", not the correct choice");
    }
}
