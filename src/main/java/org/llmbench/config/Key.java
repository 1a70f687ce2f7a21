package org.llmbench.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One configuration key, declared once (in {@link BenchKeys}): its name, value type and parser with range
 * check, default, one-line meaning, CLI flag and place in the JSON config file. The loader, the CLI options,
 * the reproduce command, the config file reader and the README table are all derived from these declarations,
 * so adding a key is one line in {@link BenchKeys}.
 *
 * <p>Instances are immutable; the builder-style methods return a changed copy. Keys compare by identity
 * (each is one constant).
 *
 * @param <T> the type of the effective value
 */
public final class Key<T> {

    /** Reads the text of a value; null means "not given" (blank text of an optional key). */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text) throws BadValue;
    }

    /** Why a value's text cannot be used; the message is the reason a {@link ConfigProblem} gives. */
    static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;

        BadValue(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The settings a default may depend on (the URL's default depends on the provider). */
    interface Resolved {
        /** The effective value of another key. */
        <V> V get(Key<V> key);

        /** The text given for a key (parameter or config file), without resolving or recording it. */
        Optional<String> given(Key<?> key);
    }

    private final String name;
    private final Parser<T> parser;
    private final Function<T, String> format;
    private final Function<Resolved, T> defaultValue;
    private final boolean inferred;
    private final String defaultDoc;
    private final String meaning;
    private final List<String> flags;
    private final String label;
    private final String pointer;
    private final List<String> oldNames;
    private final boolean switchFlag;
    private final String range;

    private Key(String name, Parser<T> parser, Function<T, String> format, Function<Resolved, T> defaultValue,
            boolean inferred, String defaultDoc, String meaning, List<String> flags, String label, String pointer,
            List<String> oldNames, boolean switchFlag, String range) {
        this.name = name;
        this.parser = parser;
        this.format = format;
        this.defaultValue = defaultValue;
        this.inferred = inferred;
        this.defaultDoc = defaultDoc;
        this.meaning = meaning;
        this.flags = flags;
        this.label = label;
        this.pointer = pointer;
        this.oldNames = oldNames;
        this.switchFlag = switchFlag;
        this.range = range;
    }

    private static <T> Key<T> of(String name, String label, Parser<T> parser, Function<T, String> format) {
        return new Key<>(name, parser, format, r -> null, false, null, "", List.of(kebab(name)), label, null,
                List.of(), false, null);
    }

    /** A text key; blank text counts as not given. */
    static Key<String> text(String name) {
        return of(name, "TEXT", t -> t.isBlank() ? null : t, s -> s);
    }

    /** A comma list; blank text is the empty list. */
    static Key<List<String>> list(String name) {
        return of(name, "LIST", Key::split, l -> String.join(",", l));
    }

    /** A comma list's items, trimmed, without empty ones. */
    static List<String> split(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A whole number in {@code min..max}, as an int. */
    static Key<Integer> integer(String name, int min, int max) {
        return of(name, "N", t -> (int) parseWhole(t, min, max), i -> Integer.toString(i)).ranged("whole, " + min + " to " + max);
    }

    /** A whole number in {@code min..max}, as a long. */
    static Key<Long> whole(String name, long min, long max) {
        return of(name, "N", t -> parseWhole(t, min, max), l -> Long.toString(l))
                .ranged(min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "whole, 64-bit" : "whole, " + min + " to " + max);
    }

    /** A number in {@code min..max}; NaN and the infinities are never in range. */
    static Key<Double> decimal(String name, double min, double max) {
        return of(name, "N", t -> {
            try {
                double parsed = Double.parseDouble(t.trim());
                if (!(parsed >= min && parsed <= max)) {
                    throw new BadValue("'" + t + "' is " + (Double.isFinite(parsed) ? "outside" : "not a finite number in")
                            + " the range " + plain(min) + " to " + plain(max));
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new BadValue("'" + t + "' is not a number from " + plain(min) + " to " + plain(max));
            }
        }, d -> Double.toString(d)).ranged(plain(min) + " to " + plain(max));
    }

    private Key<T> ranged(String text) {
        return new Key<>(name, parser, format, defaultValue, inferred, defaultDoc, meaning, flags, label, pointer,
                oldNames, switchFlag, text);
    }

    /** {@code true} or {@code false}, any case; on the command line the flag alone means true. */
    static Key<Boolean> bool(String name) {
        Key<Boolean> key = of(name, "BOOL", t -> {
            String v = t.trim().toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw new BadValue("'" + v + "' is not true or false");
            }
            return Boolean.parseBoolean(v);
        }, b -> Boolean.toString(b));
        return key.copy(key.defaultValue, false, key.defaultDoc, key.meaning, key.flags, key.label, key.pointer,
                key.oldNames, true);
    }

    /** A file system path; blank text counts as not given. */
    static Key<Path> path(String name) {
        return of(name, "DIR", t -> t.isBlank() ? null : Path.of(t), Path::toString);
    }

    /** One of {@link Provider}'s names. */
    static Key<Provider> provider(String name) {
        return of(name, "NAME", t -> {
            if (t.isBlank()) {
                return null;
            }
            return Provider.of(t).orElseThrow(() -> new BadValue("'" + t + "' is not one of " + Provider.NAMES));
        }, Provider::wireName);
    }

    /** A run's part {@code i/n} ({@link Shard}); blank text counts as not given (the whole run). */
    static Key<Shard> shard(String name) {
        return of(name, "I/N", t -> t.isBlank() ? null : Shard.parse(t), Shard::toString);
    }

    private static long parseWhole(String t, long min, long max) throws BadValue {
        try {
            long parsed = Long.parseLong(t.trim());
            if (parsed < min || parsed > max) {
                throw new BadValue("'" + t + "' is outside the range " + min + " to " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadValue("'" + t + "' is not a whole number from " + min + " to " + max);
        }
    }

    /** A bound as people write it: {@code 2}, not {@code 2.0}. */
    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private Key<T> copy(Function<Resolved, T> newDefault, boolean newInferred, String newDefaultDoc, String newMeaning,
            List<String> newFlags, String newLabel, String newPointer, List<String> newOldNames, boolean newSwitch) {
        return new Key<>(name, parser, format, newDefault, newInferred, newDefaultDoc, newMeaning, newFlags, newLabel,
                newPointer, newOldNames, newSwitch, range);
    }

    /** This key with blank text meaning "not given" (so the default applies) instead of a bad value. */
    Key<T> blankIsNone() {
        Parser<T> strict = parser;
        return new Key<>(name, t -> t.isBlank() ? null : strict.parse(t), format, defaultValue, inferred, defaultDoc,
                meaning, flags, label, pointer, oldNames, switchFlag, range);
    }

    /** This key with every parsed value passed through {@code normalise} (the URL loses a trailing slash). */
    Key<T> normalised(java.util.function.UnaryOperator<T> normalise) {
        Parser<T> raw = parser;
        return new Key<>(name, t -> {
            T v = raw.parse(t);
            return v == null ? null : normalise.apply(v);
        }, format, defaultValue, inferred, defaultDoc, meaning, flags, label, pointer, oldNames, switchFlag, range);
    }

    /** This key with a fixed default. */
    Key<T> byDefault(T value) {
        return copy(r -> value, false, defaultDoc, meaning, flags, label, pointer, oldNames, switchFlag);
    }

    /** This key with a default worked out from other settings, recorded with source {@code default}. */
    Key<T> byDefault(Function<Resolved, T> rule, String doc) {
        return copy(rule, false, Objects.requireNonNull(doc, "a worked-out default needs its README text"), meaning, flags, label, pointer, oldNames, switchFlag);
    }

    /** This key with a value inferred from other settings when not given, recorded with source {@code inferred}. */
    Key<T> inferred(Function<Resolved, T> rule, String doc) {
        return copy(rule, true, Objects.requireNonNull(doc, "an inferred value needs its README text"), meaning, flags, label, pointer, oldNames, switchFlag);
    }

    /** This key with the README/--help text of its default (instead of the default value in backticks). */
    Key<T> defaultDoc(String doc) {
        return copy(defaultValue, inferred, doc, meaning, flags, label, pointer, oldNames, switchFlag);
    }

    /** This key with its one-line meaning (Markdown; backticks are dropped in --help). */
    Key<T> meaning(String text) {
        return copy(defaultValue, inferred, defaultDoc, text, flags, label, pointer, oldNames, switchFlag);
    }

    /** This key with more CLI flags before its own (kebab-case) one, e.g. {@code --timeout} for {@code --timeout-s}. */
    Key<T> alsoFlags(String... aliases) {
        List<String> all = new ArrayList<>(List.of(aliases));
        all.addAll(flags);
        return copy(defaultValue, inferred, defaultDoc, meaning, List.copyOf(all), label, pointer, oldNames, switchFlag);
    }

    /** This key without a CLI flag (set it with {@code -D KEY=VALUE}). */
    Key<T> noFlag() {
        return copy(defaultValue, inferred, defaultDoc, meaning, List.of(), label, pointer, oldNames, switchFlag);
    }

    /** This key with the placeholder its flag shows in --help ({@code --num-ctx=TOKENS}). */
    Key<T> label(String newLabel) {
        return copy(defaultValue, inferred, defaultDoc, meaning, flags, newLabel, pointer, oldNames, switchFlag);
    }

    /** This key read also from the config file at a JSON Pointer ({@code /model/temperature}). */
    Key<T> file(String jsonPointer) {
        return copy(defaultValue, inferred, defaultDoc, meaning, flags, label, jsonPointer, oldNames, switchFlag);
    }

    /** This key also read under old names, which keep working (recorded as such in the manifest). */
    Key<T> oldNames(String... names) {
        return copy(defaultValue, inferred, defaultDoc, meaning, flags, label, pointer, List.of(names), switchFlag);
    }

    /** The parameter name ({@code bench.numCtx}). */
    public String name() {
        return name;
    }

    /** The one-line meaning. */
    public String meaning() {
        return meaning;
    }

    /** The default as the README shows it (Markdown). */
    public String defaultDoc() {
        if (defaultDoc != null) {
            return defaultDoc;
        }
        T value = defaultValue.apply(null);
        if (value == null) {
            return "none";
        }
        String text = value instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : format(value);
        return "`" + text + "`";
    }

    /** The CLI flag the reproduce command uses ({@code --num-ctx}), if the key has one. */
    public Optional<String> flag() {
        return flags.isEmpty() ? Optional.empty() : Optional.of(flags.get(flags.size() - 1));
    }

    /** Every CLI flag of the key, aliases first; empty when it has none. */
    public List<String> flags() {
        return flags;
    }

    /** Whether the value names files or folders (a path, or a comma list of them), which records must not show whole. */
    public boolean holdsPaths() {
        return PATH_LABELS.contains(label);
    }

    private static final java.util.Set<String> PATH_LABELS = java.util.Set.of("DIR", "DIRS", "FILE", "RUN_JSONL");

    /** The placeholder of the flag's value in --help. */
    public String label() {
        return label;
    }

    /** The values a numeric key accepts ({@code 0 to 2}, {@code whole, 1 to 256}); empty for other keys. */
    public Optional<String> range() {
        return Optional.ofNullable(range);
    }

    /** Whether the flag may be given without a value, meaning true. */
    public boolean isSwitch() {
        return switchFlag;
    }

    /** The JSON Pointer of the key in the config file, if it has a place there. */
    public Optional<String> pointer() {
        return Optional.ofNullable(pointer);
    }

    /** Old names the key is still read under. */
    public List<String> oldNames() {
        return oldNames;
    }

    /** The --help text: the meaning, the key and its default. */
    public String help() {
        String doc = defaultDoc().replace("`", "");
        String plainMeaning = meaning.replace("`", "");
        return plainMeaning + " (" + name + (doc.equals("none") ? "" : "; default " + doc) + ").";
    }

    /** The value text read, or null when blank text means "not given". */
    T parse(String text) throws BadValue {
        return parser.parse(text);
    }

    /** The value as text, as the manifest records it ({@code 70.0}, {@code hello,5q}). */
    String format(T value) {
        return format.apply(value);
    }

    /** The default, given the settings resolved so far. */
    T defaultValue(Resolved resolved) {
        return defaultValue.apply(resolved);
    }

    /** Whether the default is inferred (source {@code inferred}) rather than declared (source {@code default}). */
    boolean isInferred() {
        return inferred;
    }

    /** A key name as a flag in kebab case: {@code bench.numCtx} is {@code --num-ctx}. */
    public static String kebab(String key) {
        String n = key.startsWith("bench.") ? key.substring("bench.".length()) : key;
        return "--" + n.replace('.', '-').replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }
}
