package org.llmbench.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What an answer says in its own words: the answer with every span copied verbatim from the prompt cut out.
 * A copy is any run of at least {@link #MIN_SPAN} characters (or the whole prompt, when it is shorter) that occurs in
 * the prompt, compared lower-cased with every run of white space as one space, so changing case, spacing or line breaks
 * does not hide it. Code the prompt quotes between backticks ({@code `slugify(text)`}) is exempt, since an answer is asked
 * to reproduce it, unless the answer shows it with the backticks or the prose around it, as an echo does. Checks that look for words (markers, risks, test categories) look only at this text, because the
 * prompt names the very words they look for: an answer that echoes the prompt must earn nothing.
 */
public final class PromptCopies {

    /** The shortest run counted as a copy: longer than any marker, shorter than any sentence of a prompt. */
    public static final int MIN_SPAN = 30;
    /** Stands where a copied span was cut out, so that no word can be formed across the cut. */
    static final char CUT = '\u0000';

    // Polynomial hashes modulo the Mersenne prime 2^61 - 1 with a random base: a hostile answer cannot aim collisions
    // at a base it does not know, and every hash match is verified character by character anyway.
    private static final long MOD = (1L << 61) - 1;
    private static final long BASE = 1_000_003L + ThreadLocalRandom.current().nextLong(1L << 40);

    private static final PromptCopies NONE = new PromptCopies("");

    private final String prompt;
    private final int span;
    private final long topPower;
    /** The prompt's window hashes, open addressing (a boxed map cost seconds on a hostile 5 MB answer). */
    private final long[] hashes;
    private final int[] positions;
    /** The prompt's code spans with their backticks: an answer that shows them so is quoting the prompt. */
    private final List<String> quotedCode = new ArrayList<>();

    private PromptCopies(String normalizedPrompt) {
        this.prompt = normalizedPrompt;
        this.span = Math.min(MIN_SPAN, normalizedPrompt.length());
        long power = 1;
        for (int i = 1; i < span; i++) {
            power = mulMod(power, BASE);
        }
        this.topPower = power;
        int capacity = Integer.highestOneBit(Math.max(4, prompt.length()) * 2) * 2; // load factor at most 1/2
        this.hashes = new long[capacity];
        this.positions = new int[capacity];
        Arrays.fill(positions, -1);
        if (span > 0) {
            int[] codeBefore = codeCounts(prompt, quotedCode);
            long h = 0;
            for (int i = 0; i < prompt.length(); i++) {
                h = roll(h, i >= span ? prompt.charAt(i - span) : -1, prompt.charAt(i));
                int start = i - span + 1;
                // A window wholly inside code the prompt quotes (`parse_log_line(line)`) is what an answer is asked to
                // reproduce, not a copy; windows that reach the prose around it still are.
                if (start >= 0 && codeBefore[i + 1] - codeBefore[start] < span) {
                    put(h, start);
                }
            }
        }
    }

    /**
     * Prefix counts of the characters inside backtick code spans: {@code counts[i]} is how many of the first {@code i}
     * characters lie between a run of backticks and the next run of the same length (CommonMark's rule; a run left
     * unmatched, as in "one ```python code block", is literal text).
     */
    static int[] codeCounts(String text, List<String> spans) {
        boolean[] code = new boolean[text.length()];
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '`') {
                i++;
                continue;
            }
            int run = runLength(text, i);
            int close = i + run;
            while (close < text.length() && (text.charAt(close) != '`' || runLength(text, close) != run)) {
                close += text.charAt(close) == '`' ? runLength(text, close) : 1;
            }
            if (close >= text.length()) {
                i += run; // unmatched: literal backticks
                continue;
            }
            for (int k = i + run; k < close; k++) {
                code[k] = true;
            }
            if (close + run - i >= MIN_SPAN) {
                spans.add(text.substring(i, close + run));
            }
            i = close + run;
        }
        int[] counts = new int[text.length() + 1];
        for (int k = 0; k < text.length(); k++) {
            counts[k + 1] = counts[k] + (code[k] ? 1 : 0);
        }
        return counts;
    }

    private static int runLength(String text, int at) {
        int end = at;
        while (end < text.length() && text.charAt(end) == '`') {
            end++;
        }
        return end - at;
    }

    /** The copies of this prompt; a null or blank prompt has none. */
    public static PromptCopies of(String prompt) {
        return prompt == null || prompt.isBlank() ? NONE : new PromptCopies(normalize(prompt, true));
    }

    /** No prompt to copy from: every word of an answer is its own. */
    public static PromptCopies none() {
        return NONE;
    }

    /** The answer lower-cased, white space runs as one space, each copied span replaced by one {@link #CUT}. */
    public String own(String answer) {
        return cut(answer, true);
    }

    /** As {@link #own}, keeping the answer's case (for checks that are case-sensitive, such as a language's name). */
    public String ownCased(String answer) {
        return cut(answer, false);
    }

    /** True when the answer has no word of its own: nothing but copies of the prompt, fence markers and punctuation. */
    public boolean nothingOwn(String answer) {
        return !hasWords(own(answer));
    }

    /** True when the text has words and every one of them is copied from the prompt. */
    public boolean onlyCopies(String text) {
        return hasWords(normalize(text == null ? "" : text, true)) && nothingOwn(text);
    }

    /** Whether a text (typically an {@link #own} text) holds a letter or digit outside code fence markers. */
    public static boolean hasWords(String text) {
        String words = withoutFences(text);
        for (int i = 0; i < words.length(); i++) {
            if (Character.isLetterOrDigit(words.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text with each code fence marker and its info string ({@code ```python}) replaced by {@link #CUT}: markup,
     * not words, so an unclosed fence cannot mention a marker by naming its language.
     */
    public static String withoutFences(String text) {
        int fence = text.indexOf("```");
        if (fence < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (fence >= 0) {
            out.append(text, i, fence).append(CUT);
            i = fence + 3;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != CUT) {
                i++;
            }
            fence = text.indexOf("```", i);
        }
        return out.append(text, i, text.length()).toString();
    }

    /** Lower-cases (char by char, so lengths stay the same) and turns each run of white space into one space. */
    static String normalize(String text, boolean lower) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!space) {
                    out.append(' ');
                }
                space = true;
            } else {
                out.append(lower ? Character.toLowerCase(c) : c);
                space = false;
            }
        }
        return out.toString();
    }

    private String cut(String answer, boolean lower) {
        String text = answer == null ? "" : answer;
        String key = normalize(text, true);
        String shown = lower ? key : normalize(text, false);
        if (span == 0 || key.length() < span) {
            return shown;
        }
        boolean[] starts = new boolean[key.length()];
        long h = 0;
        for (int i = 0; i < key.length(); i++) {
            h = roll(h, i >= span ? key.charAt(i - span) : -1, key.charAt(i));
            int start = i - span + 1;
            if (start >= 0 && copied(key, start, h)) {
                starts[start] = true;
            }
        }
        boolean[] copied = new boolean[key.length()];
        int until = 0;
        for (int i = 0; i < key.length(); i++) {
            until = starts[i] ? Math.max(until, i + span) : until;
            copied[i] = i < until;
        }
        for (String quoted : quotedCode) {
            for (int at = key.indexOf(quoted); at >= 0; at = key.indexOf(quoted, at + quoted.length())) {
                Arrays.fill(copied, at, at + quoted.length(), true);
            }
        }
        StringBuilder out = new StringBuilder(shown.length());
        for (int i = 0; i < key.length(); i++) {
            if (!copied[i]) {
                out.append(shown.charAt(i));
            } else if (i == 0 || !copied[i - 1]) {
                out.append(CUT);
            }
        }
        return out.toString();
    }

    private void put(long hash, int position) {
        int slot = slot(hash);
        if (positions[slot] < 0) {
            hashes[slot] = hash;
            positions[slot] = position;
        }
    }

    /** The slot holding this hash, or the empty slot where it would go. */
    private int slot(long hash) {
        int mask = hashes.length - 1;
        int slot = (int) (hash ^ (hash >>> 29)) & mask;
        while (positions[slot] >= 0 && hashes[slot] != hash) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private boolean copied(String key, int start, long hash) {
        int at = positions[slot(hash)];
        return at >= 0 && key.regionMatches(start, prompt, at, span);
    }

    private long roll(long hash, int leaving, char entering) {
        long h = hash;
        if (leaving >= 0) {
            h = Math.floorMod(h - mulMod(leaving, topPower), MOD);
        }
        return (mulMod(h, BASE) + entering) % MOD;
    }

    /** a * b mod 2^61 - 1, for a, b below the modulus. */
    private static long mulMod(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        // a*b = high * 2^64 + low (low unsigned); 2^64 = 8 * 2^61 == 8 (mod 2^61 - 1)
        long lo61 = low & MOD;
        long rest = (low >>> 61) | (high << 3);
        long r = lo61 + rest;
        r = (r & MOD) + (r >>> 61);
        return r >= MOD ? r - MOD : r;
    }
}
