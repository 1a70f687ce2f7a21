package org.llmbench.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds Markdown fenced code blocks in an answer, without regular expressions that could backtrack on hostile input.
 * Only a closed fence with something in it is a block: an unclosed fence (``` and then whatever follows, to the end)
 * or an empty one would otherwise let a line of junk pass for code.
 */
public final class CodeBlocks {

    /** A fenced block: its info-string language (lower case, may be empty) and its body. */
    public record Block(String language, String body) {
    }

    private CodeBlocks() {
    }

    /** The closed, non-blank blocks, in order. */
    public static List<Block> all(String text) {
        List<Block> blocks = new ArrayList<>();
        scan(text, blocks);
        return blocks;
    }

    /** Whether the text opens a fence it never closes (so a reason can say why its code was not counted). */
    public static boolean hasUnclosedFence(String text) {
        return !scan(text, new ArrayList<>());
    }

    /** Collects the blocks; returns false when the last fence is left open. */
    private static boolean scan(String text, List<Block> blocks) {
        int from = 0;
        while (true) {
            int open = text.indexOf("```", from);
            if (open < 0) {
                return true;
            }
            int lineEnd = text.indexOf('\n', open);
            if (lineEnd < 0) {
                return false;
            }
            int close = text.indexOf("```", lineEnd + 1);
            if (close < 0) {
                // Truncated answers (a token limit) end like this too; a half-written block is still not code.
                return false;
            }
            String language = text.substring(open + 3, lineEnd).trim().toLowerCase(Locale.ROOT);
            int space = language.indexOf(' ');
            language = space < 0 ? language : language.substring(0, space);
            String body = text.substring(lineEnd + 1, close);
            if (!body.isBlank()) {
                blocks.add(new Block(language, body));
            }
            from = close + 3;
        }
    }

    /** The first block in one of the languages, or the first unlabelled block when none is labelled so. */
    public static Optional<String> first(String text, Set<String> languages) {
        List<Block> blocks = all(text);
        return blocks.stream().filter(b -> languages.contains(b.language())).findFirst()
                .or(() -> blocks.stream().filter(b -> b.language().isEmpty()).findFirst())
                .map(Block::body);
    }
}
