package org.llmbench.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One configuration key, declared once (in the class of its concern, named in {@link BenchKeys}): its name, value
 * type and parser with range check, default, one-line meaning, CLI flag and place in the JSON config file. The
 * loader, the CLI options, the reproduce command, the config file reader and the README table are all derived from
 * these declarations, so adding a key is one declaration (see {@link BenchKeys}). The value types and their parsers
 * are in {@link KeyTypes}.
 *
 * <p>Instances are immutable once declared; the builder-style methods return a changed copy. Keys compare by
 * identity (each is one constant).
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

    private static final Set<String> PATH_LABELS = Set.of("DIR", "DIRS", "FILE", "RUN_JSONL", "RUN");

    // Not final only so that with(...) can change a fresh copy; no key changes after BenchKeys declares it.
    private final String name;
    private Parser<T> parser;
    private final Function<T, String> format;
    private Function<Resolved, T> defaultValue = r -> null;
    private boolean inferred;
    private String defaultDoc;
    private String meaning = "";
    private List<String> flags;
    private String label;
    private String pointer;
    private List<String> oldNames = List.of();
    private boolean switchFlag;
    private String range;

    Key(String name, String label, Parser<T> parser, Function<T, String> format) {
        this.name = name;
        this.label = label;
        this.parser = parser;
        this.format = format;
        this.flags = List.of(kebab(name));
    }

    private Key(Key<T> from) {
        this(from.name, from.label, from.parser, from.format);
        defaultValue = from.defaultValue;
        inferred = from.inferred;
        defaultDoc = from.defaultDoc;
        meaning = from.meaning;
        flags = from.flags;
        pointer = from.pointer;
        oldNames = from.oldNames;
        switchFlag = from.switchFlag;
        range = from.range;
    }

    /** A copy of this key with one change. */
    private Key<T> with(Consumer<Key<T>> change) {
        Key<T> copy = new Key<>(this);
        change.accept(copy);
        return copy;
    }

    /** This key with the values it accepts, as --help and the README show them ({@code 0 to 2}). */
    Key<T> ranged(String text) {
        return with(k -> k.range = text);
    }

    /** This key as a switch: on the command line the flag alone means true. */
    Key<T> switchFlag() {
        return with(k -> k.switchFlag = true);
    }

    /** This key with blank text meaning "not given" (so the default applies) instead of a bad value. */
    Key<T> blankIsNone() {
        Parser<T> strict = parser;
        return with(k -> k.parser = t -> t.isBlank() ? null : strict.parse(t));
    }

    /** This key with every parsed value passed through {@code normalise} (the URL loses a trailing slash). */
    Key<T> normalised(UnaryOperator<T> normalise) {
        Parser<T> raw = parser;
        return with(k -> k.parser = t -> {
            T v = raw.parse(t);
            return v == null ? null : normalise.apply(v);
        });
    }

    /** This key with a fixed default. */
    Key<T> byDefault(T value) {
        return with(k -> k.defaultValue = r -> value);
    }

    /** This key with a default worked out from other settings, recorded with source {@code default}. */
    Key<T> byDefault(Function<Resolved, T> rule, String doc) {
        Objects.requireNonNull(doc, "a worked-out default needs its README text");
        return with(k -> {
            k.defaultValue = rule;
            k.defaultDoc = doc;
        });
    }

    /** This key with a value inferred from other settings when not given, recorded with source {@code inferred}. */
    Key<T> inferred(Function<Resolved, T> rule, String doc) {
        Objects.requireNonNull(doc, "an inferred value needs its README text");
        return with(k -> {
            k.defaultValue = rule;
            k.inferred = true;
            k.defaultDoc = doc;
        });
    }

    /** This key with the README/--help text of its default (instead of the default value in backticks). */
    Key<T> defaultDoc(String doc) {
        return with(k -> k.defaultDoc = doc);
    }

    /** This key with its one-line meaning (Markdown; backticks are dropped in --help). */
    Key<T> meaning(String text) {
        return with(k -> k.meaning = text);
    }

    /** This key with more CLI flags before its own (kebab-case) one, e.g. {@code --timeout} for {@code --timeout-s}. */
    Key<T> alsoFlags(String... aliases) {
        List<String> all = new ArrayList<>(List.of(aliases));
        all.addAll(flags);
        return with(k -> k.flags = List.copyOf(all));
    }

    /** This key without a CLI flag (set it with {@code -D KEY=VALUE}). */
    Key<T> noFlag() {
        return with(k -> k.flags = List.of());
    }

    /** This key with the placeholder its flag shows in --help ({@code --num-ctx=TOKENS}). */
    Key<T> label(String newLabel) {
        return with(k -> k.label = newLabel);
    }

    /** This key read also from the config file at a JSON Pointer ({@code /model/temperature}). */
    Key<T> file(String jsonPointer) {
        return with(k -> k.pointer = jsonPointer);
    }

    /** This key also read under old names, which keep working (recorded as such in the manifest). */
    Key<T> oldNames(String... names) {
        return with(k -> k.oldNames = List.of(names));
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
