package org.llmbench.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a Markdown answer into named sections ({@code ## Steps}, {@code **Risks**} or {@code Risks:} lines). */
final class MarkdownSections {

    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(?:#{1,6}\\s*|\\*\\*)?([A-Za-z][A-Za-z ]{0,40}?)\\s*(?:\\*\\*)?\\s*:?\\s*$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s{0,6}\\d{1,3}[.)]\\s+\\S.*");

    private MarkdownSections() {
    }

    /** Section name (lower case) to its text; only names in {@code wanted} start a section. */
    static Map<String, String> split(String text, List<String> wanted) {
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        StringBuilder current = null;
        for (String line : text.split("\n", 5000)) {
            Matcher m = HEADING.matcher(line.length() > 60 ? "" : line);
            String name = m.matches() ? m.group(1).strip().toLowerCase(Locale.ROOT) : null;
            if (name != null && wanted.contains(name)) {
                current = sections.computeIfAbsent(name, k -> new StringBuilder());
            } else if (name != null && (line.stripLeading().startsWith("#"))) {
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        sections.forEach((k, v) -> result.put(k, v.toString()));
        return result;
    }

    static int numberedItems(String section) {
        return (int) section.lines().filter(l -> NUMBERED.matcher(l).matches()).count();
    }
}
