package org.llmbench.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that an answer mentions each required marker (case-insensitive, any run of white space matching one space),
 * sharing one unit of weight. A marker counts only in the answer's own text, outside the spans it copied from the
 * prompt ({@link PromptCopies}): prompts name the markers they ask for, so an echo would otherwise collect them.
 * Code fence markers are markup, not mentions: {@code ```python} does not mention "python".
 */
public final class MarkerScorer {

    private MarkerScorer() {
    }

    /** The marker checks of an answer to a prompt the scorer is not told about. */
    public static List<Check> check(String answer, List<String> markers) {
        return check(answer, markers, PromptCopies.none());
    }

    public static List<Check> check(String answer, List<String> markers, PromptCopies copies) {
        String own = PromptCopies.withoutFences(copies.own(answer));
        String all = null; // only needed to explain a miss
        double each = markers.isEmpty() ? 0 : 1.0 / markers.size();
        List<Check> checks = new ArrayList<>(markers.size());
        for (String marker : markers) {
            String m = PromptCopies.normalize(marker, true);
            String name = "marker:" + marker;
            if (own.contains(m)) {
                checks.add(Check.passed(name, each, "mentions '" + marker + "'"));
                continue;
            }
            all = all == null ? PromptCopies.withoutFences(PromptCopies.none().own(answer)) : all;
            checks.add(Check.failed(name, each, all.contains(m)
                    ? "mentions '" + marker + "' only in text copied from the prompt"
                    : "does not mention '" + marker + "'"));
        }
        return checks;
    }
}
