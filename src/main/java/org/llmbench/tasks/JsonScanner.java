package org.llmbench.tasks;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds balanced {@code {...}} (and optionally {@code [...]}) spans in prose, skipping brackets inside JSON
 * strings, in one linear pass per candidate, so answers with prose around the JSON can still be read.
 */
final class JsonScanner {

    private JsonScanner() {
    }

    static List<String> candidates(String text, int max, boolean arraysToo) {
        List<String> found = new ArrayList<>();
        int from = 0;
        int attempts = 0;
        // Each attempt may scan to the end of the text; capping attempts keeps hostile input linear.
        while (found.size() < max && attempts++ < 2 * max && from < text.length()) {
            int start = nextOpen(text, from, arraysToo);
            if (start < 0) {
                break;
            }
            int end = matchingClose(text, start);
            if (end > start) {
                found.add(text.substring(start, end + 1));
                from = end + 1;
            } else {
                from = start + 1;
            }
        }
        return found;
    }

    private static int nextOpen(String text, int from, boolean arraysToo) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || (arraysToo && c == '[')) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the bracket closing the one at {@code start}, or -1 when the text ends first. */
    private static int matchingClose(String text, int start) {
        return brackets(text, start, (i, depth) -> depth == 0);
    }

    /** Told the depth after each bracket outside strings; true stops the walk there. */
    interface Depth {
        boolean stop(int index, int depthAfter);
    }

    /**
     * Walks the brackets outside JSON strings from {@code start} (a string's escapes skipped) without parsing, so
     * nesting of any depth costs no recursion; the index where {@code depth} said stop, or -1 when the text ends first.
     */
    static int brackets(String text, int start, Depth depth) {
        int level = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if ((c == '{' || c == '[') && depth.stop(i, ++level)
                    || (c == '}' || c == ']') && depth.stop(i, --level)) {
                return i;
            }
        }
        return -1;
    }
}
