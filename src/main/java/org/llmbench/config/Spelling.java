package org.llmbench.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The declared name nearest to a misspelt one ({@code bench.phase}: did you mean {@code bench.phases}?). */
final class Spelling {

    private Spelling() {
    }

    /** The name within a quarter of its length (at least 2) of edits from {@code name}, the nearest first. */
    static Optional<String> nearest(String name, Collection<String> names) {
        return names.stream()
                .map(k -> Map.entry(k, distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT))))
                .filter(e -> e.getValue() <= Math.max(2, e.getKey().length() / 4))
                .min(Comparator.comparingInt(Map.Entry<String, Integer>::getValue))
                .map(Map.Entry::getKey);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
