package org.llmbench.suite;

import java.math.BigDecimal;

/** Numbers as people write them in answers: commas between thousands, a currency sign or a unit around them. */
public final class Numbers {

    private Numbers() {
    }

    /** The number a token spells ({@code 1,234.50}, {@code $18}, {@code -3}, {@code 7%}), or null. */
    public static BigDecimal parse(String token) {
        if (token == null) {
            return null;
        }
        String t = token.strip().replace(",", "").replace("$", "").replace("€", "").replace("£", "");
        t = t.replaceAll("[%.]+$", "");
        if (!t.matches("[-+]?\\d+(\\.\\d+)?|[-+]?\\.\\d+") || t.length() > 60) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
