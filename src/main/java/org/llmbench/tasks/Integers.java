package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an integer answer from text: a bare number, a {@code LABEL: n} line, or the only integer present. */
final class Integers {

    private static final Pattern INTEGER = Pattern.compile("(?<![\\w.])-?\\d{1,15}(?![\\w.]\\d)");

    private Integers() {
    }

    static Optional<Long> labelled(String text, String label) {
        Matcher m = Pattern.compile("(?im)^\\W*" + label + "\\W*:?\\s*\\**\\s*(-?\\d{1,15})\\b").matcher(text);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** The integer of a final answer: labelled, bare, or the only one in the text. */
    static Optional<Long> answer(String text, String label) {
        Optional<Long> labelled = labelled(text, label);
        if (labelled.isPresent()) {
            return labelled;
        }
        List<Long> all = all(text);
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    static List<Long> all(String text) {
        List<Long> found = new ArrayList<>();
        Matcher m = INTEGER.matcher(text);
        while (m.find() && found.size() < 1000) {
            found.add(Long.parseLong(m.group()));
        }
        return found;
    }

    /** A JSON value as an exact integer, if it is one (7, 7.0 or "7"). */
    static Optional<Long> of(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isNumber() && node.decimalValue().stripTrailingZeros().scale() <= 0
                && node.decimalValue().abs().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return Optional.of(node.decimalValue().longValue());
        }
        if (node.isTextual()) {
            String t = node.asText().strip();
            if (t.matches("-?\\d{1,15}")) {
                return Optional.of(Long.parseLong(t));
            }
        }
        return Optional.empty();
    }
}
