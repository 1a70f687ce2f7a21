package org.llmbench.scoring;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pieces of lm-evaluation-harness that read a generated answer, reproduced with Python's text rules: generation
 * cut at the task's {@code until} strings, the {@code regex} filter ({@code re.findall}, {@code group_select}, the
 * first non-empty group of a match, {@code strip()}, {@code [invalid]} when nothing matches) and the
 * {@code exact_match} metric ({@code regexes_to_ignore} removed in order from prediction and reference, then
 * {@code ignore_case}, {@code ignore_punctuation}). Patterns compile with {@code UNIX_LINES} so {@code .} and
 * {@code $} treat only {@code \n} as a line end, as Python's do.
 */
final class LmEvalText {

    /** lm-eval's RegexFilter fallback. */
    static final String INVALID = "[invalid]";
    /** Python's {@code string.punctuation}. */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    /** Python's {@code \s} in a str pattern: what {@code str.isspace()} calls white space. */
    static final String PY_SPACE = "[\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]";

    private LmEvalText() {
    }

    /** A Python-compatible pattern. */
    static Pattern pattern(String regex) {
        return Pattern.compile(regex, Pattern.UNIX_LINES);
    }

    /** The generation as lm-eval keeps it: everything before the first of the {@code until} strings. */
    static String until(String text, List<String> stops) {
        int cut = text.length();
        for (String s : stops) {
            int at = text.indexOf(s);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return text.substring(0, cut);
    }

    /** {@code RegexFilter}: the match {@code groupSelect} picks (negative from the end), its first non-empty group. */
    static String regexFilter(String text, Pattern p, int groupSelect) {
        Matcher m = p.matcher(text);
        java.util.ArrayList<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            if (m.groupCount() == 0) {
                found.add(m.group());
            } else if (m.groupCount() == 1) {
                found.add(m.group(1) == null ? "" : m.group(1));
            } else {
                String first = null;
                for (int g = 1; g <= m.groupCount() && first == null; g++) {
                    first = m.group(g) == null || m.group(g).isEmpty() ? null : m.group(g);
                }
                found.add(first == null ? INVALID : first);
            }
        }
        if (found.isEmpty()) {
            return INVALID;
        }
        String pick = found.get(groupSelect < 0 ? found.size() + groupSelect : groupSelect);
        return strip(pick);
    }

    /** {@code exact_match_hf_evaluate} for one prediction and one reference. */
    static boolean exactMatch(String prediction, String reference, List<Pattern> ignore, boolean ignoreCase,
                              boolean ignorePunctuation) {
        String p = prediction;
        String r = reference;
        for (Pattern i : ignore) {
            p = i.matcher(p).replaceAll("");
            r = i.matcher(r).replaceAll("");
        }
        if (ignoreCase) {
            p = p.toLowerCase(Locale.ROOT);
            r = r.toLowerCase(Locale.ROOT);
        }
        if (ignorePunctuation) {
            p = withoutPunctuation(p);
            r = withoutPunctuation(r);
        }
        return p.equals(r);
    }

    /** Python's {@code str.strip()}. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && pySpace(s.charAt(start))) {
            start++;
        }
        while (end > start && pySpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean pySpace(char c) {
        return c == '\u0085' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || Character.isWhitespace(c)
                || Character.isSpaceChar(c);
    }

    private static String withoutPunctuation(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (PUNCTUATION.indexOf(s.charAt(i)) < 0) {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }

    /** A read value short enough for a record. */
    static String clip(String s) {
        return s == null ? null : s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
