package org.llmbench.scoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The choice an answer makes in a multiple-choice question. In order: the whole answer being the text of one choice
 * ("Vitamin C"); a label given explicitly ("Answer: C", "the answer is (C)", "answer: c"); the answer being a lone
 * label in either case ("C", "(c)", "C."); the only label standing alone in it once the choices' texts are taken out
 * ("B) Vitamin C" is B, whose text holds a C); the only choice whose text it contains. A label or text after a
 * negation ("not C", "rather than C", "isn't C") is not chosen, so "not A, it's B" is B. An answer that asserts two
 * choices ("B or C", "Answer: B, C", the text of two choices) makes no choice: a model cannot score by listing
 * every option (an echo of the prompt, which lists them all, scores nothing).
 */
final class ChoiceAnswer {

    private static final Pattern EXPLICIT = Pattern.compile(
            "(?i:answer|option|choice)(?:\\s+(?i:is|would be|:))?\\s*[:\\-]?\\s*\\**\\s*\\(?([A-Za-z])\\)?(?![A-Za-z0-9])"
                    + "(?:\\s*(?:,|/|&|(?i:and|or))\\s*\\(?([A-Za-z])\\)?(?![A-Za-z0-9]))?");
    private static final Pattern LONE = Pattern.compile("[\\s*_`\"'(\\[]*([A-Za-z])[\\s*_`\"').\\]:]*");
    private static final Pattern LEADING = Pattern.compile("\\s*[*_`]*\\(?([A-Z])[.):][*_`]*\\s.*", Pattern.DOTALL);
    private static final Pattern STANDALONE = Pattern.compile("(?<![A-Za-z0-9'’])([A-Z])(?![A-Za-z0-9'’])");
    /** Words before a label or a choice's text that deny it rather than choose it. */
    private static final Pattern NEGATION = Pattern.compile("(?i)(?:\\bnot|n't|\\brather than|\\binstead of|\\bexcept)\\s*[(*_`\"']*$");
    /** Words after "A" or "I" that make it a label ("A is correct", "A or B"), not an article or a pronoun ("A dog"). */
    private static final Pattern LABEL_VERB = Pattern.compile("\\s+(?:or|and|nor|is|was|seems|looks|fits|matches|because|but)\\b.*",
            Pattern.DOTALL);
    private static final char MASK = '\u0000';
    private static final int MAX_CHARS = 20_000;

    /** The label chosen, or null with why not. */
    record Choice(String label, String reason) {
    }

    private ChoiceAnswer() {
    }

    static Choice extract(String answer, Map<String, String> choices) {
        String text = answer.length() > MAX_CHARS ? answer.substring(answer.length() - MAX_CHARS) : answer;
        Set<String> labels = choices.keySet();
        String whole = normal(text.replaceAll("^[\\s*_`\"']+|[\\s*_`\"']+$", ""));
        for (var e : choices.entrySet()) {
            if (!whole.isEmpty() && whole.equals(normal(e.getValue()))) {
                return new Choice(e.getKey(), "the text of one choice");
            }
        }
        Set<String> explicit = new LinkedHashSet<>();
        Matcher m = EXPLICIT.matcher(text);
        while (m.find()) {
            String first = label(text, m.start(1), labels);
            String second = m.group(2) == null ? null : label(text, m.start(2), labels);
            if (first != null && second != null) {
                return new Choice(null, "the answer names more than one choice");
            }
            if (first != null) {
                explicit.add(first);
            }
        }
        if (explicit.size() == 1) {
            return new Choice(explicit.iterator().next(), "given explicitly");
        }
        if (explicit.size() > 1) {
            return new Choice(null, "the answer names more than one choice");
        }
        Matcher lone = LONE.matcher(text);
        if (lone.matches() && labels.contains(lone.group(1).toUpperCase(Locale.ROOT))) {
            return new Choice(lone.group(1).toUpperCase(Locale.ROOT), "a lone label");
        }
        String masked = masked(text, choices);
        Set<String> standing = new LinkedHashSet<>();
        Matcher s = STANDALONE.matcher(masked);
        while (s.find()) {
            String rest = masked.substring(s.end(), Math.min(masked.length(), s.end() + 12));
            boolean word = (s.group(1).equals("A") || s.group(1).equals("I")) && rest.matches("(?s)\\s+[a-z].*")
                    && !LABEL_VERB.matcher(rest).matches();
            if (labels.contains(s.group(1)) && !word && !negated(masked, s.start())) { // "A dog", "I think": not labels
                standing.add(s.group(1));
            }
        }
        Matcher leading = LEADING.matcher(masked);
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
            if (c.isEmpty()) {
                continue;
            }
            Matcher found = Pattern.compile("(?<![a-z0-9])" + Pattern.quote(c) + "(?![a-z0-9])").matcher(said);
            while (found.find()) {
                if (!negated(said, found.start())) {
                    texts.add(e.getKey());
                }
            }
        }
        if (texts.size() == 1) {
            return new Choice(texts.iterator().next(), "the text of one choice");
        }
        return new Choice(null, texts.isEmpty() ? "the answer names no choice" : "the answer names more than one choice");
    }

    /** The label at {@code at} (either case), or null when it is no label: not one of the choices, or "a"/"i" before a word. */
    private static String label(String text, int at, Set<String> labels) {
        char c = text.charAt(at);
        String label = String.valueOf(Character.toUpperCase(c));
        boolean word = Character.isLowerCase(c) && (c == 'a' || c == 'i') && text.substring(at + 1, Math.min(text.length(), at + 4))
                .matches("(?s)\\)?\\s+[a-z].*");
        return labels.contains(label) && !word ? label : null;
    }

    /** Whether the words just before {@code at} deny what stands there ("not C", "rather than Venus"). */
    private static boolean negated(String text, int at) {
        return NEGATION.matcher(text.substring(Math.max(0, at - 20), at)).find();
    }

    /**
     * The answer with each choice's text (two characters or more, whole words, any case, longest first) blanked out, so a
     * letter inside a choice's text ("Vitamin C") is not read as a label.
     */
    private static String masked(String text, Map<String, String> choices) {
        String out = text;
        List<String> texts = new ArrayList<>(choices.values());
        texts.sort((a, b) -> Integer.compare(b.strip().length(), a.strip().length()));
        for (String c : texts) {
            String t = c.strip();
            if (t.length() < 2) {
                continue;
            }
            Matcher found = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(t).replace(" ", "\\E\\s+\\Q") + "(?![\\p{L}\\p{N}])")
                    .matcher(out);
            StringBuilder sb = new StringBuilder();
            while (found.find()) {
                found.appendReplacement(sb, String.valueOf(MASK).repeat(found.end() - found.start()));
            }
            found.appendTail(sb);
            out = sb.toString();
        }
        return out;
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
