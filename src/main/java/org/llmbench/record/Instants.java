package org.llmbench.record;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the instants of the record. {@link Instant#parse} builds a new formatter on every call: over the dozen
 * readings of a ledger at the end of a run it was half of decoding a line and a hundred methods for the JIT
 * (docs/PERFORMANCE.md, sixth round). The form {@link Instant#toString} writes ({@code 2026-12-07T04:10:00.123Z}, no
 * fraction or up to nine digits) is read here directly; any other text goes to {@link Instant#parse}, which accepts
 * or refuses it exactly as before.
 */
final class Instants {

    private Instants() {
    }

    /** The instant, as {@link Instant#parse} reads it; a {@link java.time.format.DateTimeParseException} when none. */
    static Instant parse(String text) {
        Instant fast = text == null ? null : written(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /** The instant when the text has the written form exactly, with fields in range; null otherwise. */
    private static Instant written(String t) {
        int n = t.length();
        if (n < 20 || n > 30 || n == 21 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        int nanos = 0;
        if (n > 20) {
            if (t.charAt(19) != '.') {
                return null;
            }
            int fraction = digits(t, 20, n - 21);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = n - 21; i < 9; i++) {
                nanos *= 10;
            }
        }
        // A leap second (second 60) and the rest that is unusual are Instant.parse's to read.
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number written by {@code count} ASCII digits at {@code from}; -1 when one of them is no digit. */
    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
