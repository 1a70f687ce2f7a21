package org.llmbench.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The value types of {@link Key}s: for each, its parser (with the range check and its message) and its text form. */
final class KeyTypes {

    private KeyTypes() {
    }

    /** A text key; blank text counts as not given. */
    static Key<String> text(String name) {
        return new Key<>(name, "TEXT", t -> t.isBlank() ? null : t, s -> s);
    }

    /** A comma list; blank text is the empty list. */
    static Key<List<String>> list(String name) {
        return new Key<>(name, "LIST", KeyTypes::split, l -> String.join(",", l));
    }

    /** A comma list's items, trimmed, without empty ones. */
    static List<String> split(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A whole number in {@code min..max}, as an int. */
    static Key<Integer> integer(String name, int min, int max) {
        return new Key<Integer>(name, "N", t -> (int) parseWhole(t, min, max), i -> Integer.toString(i))
                .ranged("whole, " + min + " to " + max);
    }

    /** A whole number in {@code min..max}, as a long. */
    static Key<Long> whole(String name, long min, long max) {
        return new Key<Long>(name, "N", t -> parseWhole(t, min, max), l -> Long.toString(l))
                .ranged(min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "whole, 64-bit" : "whole, " + min + " to " + max);
    }

    /** A number in {@code min..max}; NaN and the infinities are never in range. */
    static Key<Double> decimal(String name, double min, double max) {
        return new Key<Double>(name, "N", t -> {
            try {
                double parsed = Double.parseDouble(t.trim());
                if (!(parsed >= min && parsed <= max)) {
                    throw new Key.BadValue("'" + t + "' is " + (Double.isFinite(parsed) ? "outside" : "not a finite number in")
                            + " the range " + plain(min) + " to " + plain(max));
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new Key.BadValue("'" + t + "' is not a number from " + plain(min) + " to " + plain(max));
            }
        }, d -> Double.toString(d)).ranged(plain(min) + " to " + plain(max));
    }

    /** {@code true} or {@code false}, any case; on the command line the flag alone means true. */
    static Key<Boolean> bool(String name) {
        return new Key<Boolean>(name, "BOOL", t -> {
            String v = t.trim().toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw new Key.BadValue("'" + v + "' is not true or false");
            }
            return Boolean.parseBoolean(v);
        }, b -> Boolean.toString(b)).switchFlag();
    }

    /** One of a few words, any case (written in lower case); blank text counts as not given. */
    static Key<String> choice(String name, String... words) {
        List<String> allowed = List.of(words);
        return new Key<>(name, String.join("|", words), t -> {
            String v = t.trim().toLowerCase(Locale.ROOT);
            if (v.isEmpty()) {
                return null;
            }
            if (!allowed.contains(v)) {
                throw new Key.BadValue("'" + t.trim() + "' is not one of " + String.join(", ", allowed));
            }
            return v;
        }, s -> s);
    }

    /** A file system path; blank text counts as not given. */
    static Key<Path> path(String name) {
        return new Key<>(name, "DIR", t -> t.isBlank() ? null : Path.of(t), Path::toString);
    }

    /** One of {@link Provider}'s names. */
    static Key<Provider> provider(String name) {
        return new Key<>(name, "NAME", t -> {
            if (t.isBlank()) {
                return null;
            }
            return Provider.of(t).orElseThrow(() -> new Key.BadValue("'" + t + "' is not one of " + Provider.NAMES));
        }, Provider::wireName);
    }

    /** A run's part {@code i/n} ({@link Shard}); blank text counts as not given (the whole run). */
    static Key<Shard> shard(String name) {
        return new Key<>(name, "I/N", t -> t.isBlank() ? null : Shard.parse(t), Shard::toString);
    }

    private static long parseWhole(String t, long min, long max) throws Key.BadValue {
        try {
            long parsed = Long.parseLong(t.trim());
            if (parsed < min || parsed > max) {
                throw new Key.BadValue("'" + t + "' is outside the range " + min + " to " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new Key.BadValue("'" + t + "' is not a whole number from " + min + " to " + max);
        }
    }

    /** A bound as people write it: {@code 2}, not {@code 2.0}. */
    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
