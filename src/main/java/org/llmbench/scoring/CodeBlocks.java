package org.llmbench.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Finds Markdown fenced code blocks in an answer, without regular expressions that could backtrack on hostile input. */
public final class CodeBlocks {

    /** A fenced block: its info-string language (lower case, may be empty) and its body. */
    public record Block(String language, String body) {
    }

    private CodeBlocks() {
    }

    public static List<Block> all(String text) {
        List<Block> blocks = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf("```", from);
            if (open < 0) {
                return blocks;
            }
            int lineEnd = text.indexOf('\n', open);
            if (lineEnd < 0) {
                return blocks;
            }
            int close = text.indexOf("```", lineEnd + 1);
            String language = text.substring(open + 3, lineEnd).trim().toLowerCase(Locale.ROOT);
            int space = language.indexOf(' ');
            language = space < 0 ? language : language.substring(0, space);
            // An unclosed fence still holds the code: truncated answers are common with a token limit.
            String body = close < 0 ? text.substring(lineEnd + 1) : text.substring(lineEnd + 1, close);
            blocks.add(new Block(language, body));
            if (close < 0) {
                return blocks;
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
