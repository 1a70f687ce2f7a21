package org.llmbench.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.llmbench.suite.Question;

/**
 * The whole-suite prompt and its answer: every question in one prompt, each answer required to start with a
 * line {@code ### n}; the answer is split back at those lines (outside code fences) into one part per question.
 */
final class NumberedParts {

    /** A part heading: {@code ### 3}, {@code ## Task 3}, {@code ### Answer 3:} and the like, alone on its line. */
    private static final Pattern HEADING = Pattern.compile(
            "\\s{0,3}#{1,6}\\s{0,4}(?:(?:task|answer|question)\\s{0,4})?(\\d{1,3})\\s{0,4}[:.)]?\\s*");

    private NumberedParts() {
    }

    static String prompt(List<Question> questions) {
        StringBuilder sb = new StringBuilder();
        sb.append("Below are ").append(questions.size()).append(" separate tasks. Answer every one of them, in order.\n")
                .append("Start the answer to task n with a line that holds only \"### n\" (for example \"### 1\"), ")
                .append("then give that answer, following the task's own format instructions.\n");
        for (int i = 0; i < questions.size(); i++) {
            sb.append("\n### Task ").append(i + 1).append('\n').append(questions.get(i).prompt()).append('\n');
        }
        return sb.toString();
    }

    /** The answer a perfect model gives: each reference answer under its heading; null if one is missing. */
    static String referenceAnswer(List<Question> questions) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).referenceAnswer() == null) {
                return null;
            }
            sb.append("### ").append(i + 1).append('\n').append(questions.get(i).referenceAnswer()).append("\n\n");
        }
        return sb.toString();
    }

    /** The parts found, by number (1..count); the first heading of a number wins, later repeats stay in the text. */
    static Map<Integer, String> split(String answer, int count) {
        Map<Integer, StringBuilder> parts = new LinkedHashMap<>();
        StringBuilder current = null;
        boolean inFence = false;
        for (String line : (answer == null ? "" : answer).split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
            }
            Integer number = inFence ? null : heading(line, count);
            if (number != null && !parts.containsKey(number)) {
                current = new StringBuilder();
                parts.put(number, current);
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        Map<Integer, String> out = new LinkedHashMap<>();
        parts.forEach((n, text) -> out.put(n, text.toString().strip()));
        return out;
    }

    private static Integer heading(String line, int count) {
        if (line.length() > 40 || line.indexOf('#') < 0) {
            return null;
        }
        Matcher m = HEADING.matcher(line.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        int n = Integer.parseInt(m.group(1));
        return n >= 1 && n <= count ? n : null;
    }
}
