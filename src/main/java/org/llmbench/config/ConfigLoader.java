package org.llmbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the configuration once: for every key declared in {@link BenchKeys}, the parameter first (under its
 * name, then its old names), then the JSON config file at the key's pointer, then the key's default.
 *
 * <p>A bad value never throws: it is reported as a {@link ConfigProblem} naming the key and the reason,
 * and the default is used in its place, so the engine can report every problem at once.
 */
public final class ConfigLoader implements Key.Resolved {

    /** The outcome: a usable configuration plus everything that was wrong with the input. */
    public record Result(BenchConfig config, List<ConfigProblem> problems) {
        public boolean hasFatalProblems() {
            return problems.stream().anyMatch(ConfigProblem::fatal);
        }
    }

    /** Task kinds and suites that {@code suite.weights} may name. */
    public static final Set<String> WEIGHT_NAMES = Set.of("json_extraction", "code_fix", "planning", "algorithm",
            "reasoning", "security", "etl", "hello", "frozen", "5q", "20q", "parallel_same", "parallel_mixed",
            "edge_append", "edge_suite", "tools");

    /** The largest weight {@code suite.weights} may give, as a suite question's own {@code weight}. */
    static final double MAX_WEIGHT = 1000;

    private static final Map<String, Double> DEFAULT_WEIGHTS = Map.of("json_extraction", 1.0, "code_fix", 2.0,
            "planning", 1.0, "algorithm", 2.0, "reasoning", 1.5, "security", 1.0, "etl", 1.0);

    private final Function<String, Optional<String>> parameters;
    private final Map<Key<?>, Object> values = new LinkedHashMap<>();
    private final Set<Key<?>> resolving = new LinkedHashSet<>();
    private final Map<String, Setting> effective = new LinkedHashMap<>();
    private final List<ConfigProblem> problems = new ArrayList<>();
    private ConfigFile file = ConfigFile.NONE;
    private Map<String, String> replayedSettings;
    private Path replayedManifest;

    private ConfigLoader(Function<String, Optional<String>> parameters) {
        this.parameters = parameters;
    }

    /** Loads the configuration from a parameter lookup (JUnit configuration parameters, or a map in tests). */
    public static Result load(Function<String, Optional<String>> parameters) {
        return new ConfigLoader(parameters).load();
    }

    private Result load() {
        // The file is read first: every other key may come from it. bench.config itself has no pointer.
        String path = get(BenchKeys.CONFIG);
        if (path != null) {
            file = ConfigFile.read(path, problems::add);
        }
        for (Key<?> key : BenchKeys.ALL) {
            get(key);
        }
        Provider provider = get(BenchKeys.PROVIDER);
        String replay = get(BenchKeys.REPLAY);
        ReplayDefaults.check(provider, replay).ifPresent(reason -> {
            Key<?> key = replay == null ? BenchKeys.PROVIDER : BenchKeys.REPLAY;
            problem(key.name(), sourceOf(key.name()), reason, true);
        });
        Map<String, Double> weights = weights();
        Map<String, Setting> ordered = new LinkedHashMap<>();
        BenchKeys.ALL.stream().filter(k -> effective.containsKey(k.name()))
                .forEach(k -> ordered.put(k.name(), effective.get(k.name())));
        effective.forEach(ordered::putIfAbsent);
        var config = new BenchConfig(values, weights, ordered);
        checkCombinations(config);
        return new Result(config, List.copyOf(problems));
    }

    /**
     * The effective value of a key, resolved once: the given text if it parses, else the default. A value
     * that does not parse is a problem naming the key, its source and the reason.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Key<T> key) {
        if (values.containsKey(key)) {
            return (T) values.get(key);
        }
        if (!resolving.add(key)) {
            throw new IllegalStateException("the defaults of " + resolving + " depend on each other");
        }
        Optional<Setting> given = setting(key);
        T value = null;
        if (given.isPresent()) {
            effective.put(key.name(), given.get());
            try {
                value = key.parse(given.get().value());
            } catch (Key.BadValue e) {
                problem(key.name(), given.get().source().label(), e.getMessage(), true);
            }
        }
        if (value == null) {
            value = key.defaultValue(this);
            if (given.isEmpty() && value != null) {
                effective.put(key.name(), new Setting(key.format(value),
                        key.isInferred() ? Source.INFERRED : Source.DEFAULT));
            }
        }
        resolving.remove(key);
        values.put(key, value);
        return value;
    }

    @Override
    public Optional<String> given(Key<?> key) {
        return setting(key).map(Setting::value);
    }

    private Optional<Setting> setting(Key<?> key) {
        Optional<String> replayedValue = key == BenchKeys.REPLAY ? Optional.empty()
                : Optional.ofNullable(replayed().get(key.name()));
        Optional<String> fromParameter = parameters.apply(key.name());
        if (fromParameter.isPresent()) {
            String value = fromParameter.get().trim();
            // A flag may override what the replayed run used; the manifest then says so.
            return Optional.of(new Setting(value, replayedValue.filter(r -> !r.equals(value))
                    .<Source>map(Source.OverridesReplay::new).orElse(Source.PARAMETER)));
        }
        for (String oldName : key.oldNames()) {
            Optional<String> old = parameters.apply(oldName);
            if (old.isPresent()) {
                return Optional.of(new Setting(old.get().trim(), new Source.Parameter(oldName)));
            }
        }
        if (replayedValue.isPresent()) {
            return Optional.of(new Setting(replayedValue.get(), new Source.Replayed(replayedManifest.toString())));
        }
        if (key == BenchKeys.PROVIDER && mockModelsGiven()) {
            // `--model mock` means the built-in mock: a config file's openai_compatible would send model "mock" to a server.
            return Optional.empty();
        }
        return key.pointer().flatMap(file::setting);
    }

    /** Whether the models were given as a parameter and every one is a built-in mock. */
    private boolean mockModelsGiven() {
        return parameters.apply(BenchKeys.MODEL.name()).map(models -> KeyTypes.split(models.trim()))
                .filter(models -> !models.isEmpty() && models.stream().allMatch(m -> m.equals("mock") || m.startsWith("mock:")))
                .isPresent();
    }

    /** The replayed run's settings (empty when this is no replay, or the run has no manifest), read once. */
    private Map<String, String> replayed() {
        if (replayedSettings == null) {
            replayedSettings = Map.of();
            String replay = get(BenchKeys.REPLAY);
            replayedManifest = replay == null ? null : ReplayDefaults.manifestOf(Path.of(replay));
            if (replayedManifest != null) {
                replayedSettings = ReplayDefaults.settings(replayedManifest);
            }
        }
        return replayedSettings;
    }

    private Map<String, Double> weights() {
        var weights = new LinkedHashMap<>(DEFAULT_WEIGHTS);
        JsonNode node = file.at(ConfigFile.WEIGHTS);
        Source from = file.source();
        if (node.isMissingNode() && replayed() != null && replayedManifest != null) {
            // A replay scores with the weights the replayed run used, unless a config file names others.
            node = ReplayDefaults.weights(replayedManifest);
            from = new Source.Replayed(replayedManifest.toString());
        }
        if (node.isMissingNode()) {
            return Map.copyOf(weights);
        }
        String source = from.label();
        if (!node.isObject()) {
            problem("suite.weights", source, "must be an object of name to number", true);
            return Map.copyOf(weights);
        }
        node.fields().forEachRemaining(e -> {
            if (!WEIGHT_NAMES.contains(e.getKey())) {
                problem("suite.weights." + e.getKey(), source, "unknown task or suite name; known: "
                        + new java.util.TreeSet<>(WEIGHT_NAMES), true);
            } else if (!e.getValue().isNumber() || !(e.getValue().asDouble() >= 0 && e.getValue().asDouble() <= MAX_WEIGHT)) {
                // 1e308 is finite, but two of them sum to Infinity and the total to NaN: a weight is relative, so
                // the range of a suite question's own weight is plenty.
                problem("suite.weights." + e.getKey(), source, "must be a number from 0 to " + (int) MAX_WEIGHT
                        + " (a weight relative to the others), not " + e.getValue(), true);
            } else {
                weights.put(e.getKey(), e.getValue().asDouble());
            }
        });
        effective.put("suite.weights", new Setting(node.toString(), from));
        return Map.copyOf(weights);
    }

    private void checkCombinations(BenchConfig config) {
        if (config.models().isEmpty()) {
            problem(BenchKeys.MODEL.name(), sourceOf(BenchKeys.MODEL.name()), "names no model", true);
        }
        if (config.retryErrors() && config.runId() == null) {
            problem(BenchKeys.RETRY_ERRORS.name(), sourceOf(BenchKeys.RETRY_ERRORS.name()),
                    "needs " + BenchKeys.RUN_ID.name() + " (the run to retry)", true);
        }
        for (String url : config.urls().isEmpty() ? List.of(config.url()) : config.urls()) {
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                problem(BenchKeys.URL.name(), sourceOf(BenchKeys.URL.name()), "'" + url + "' is not an http(s) URL", true);
            }
        }
    }

    private String sourceOf(String key) {
        Setting setting = effective.get(key);
        return setting == null ? Source.DEFAULT.label() : setting.source().label();
    }

    private void problem(String key, String source, String reason, boolean fatal) {
        String pointer = ConfigFile.fieldOf(key);
        boolean inFile = file != ConfigFile.NONE && !pointer.isEmpty() && source.equals(file.source().label());
        problems.add(new ConfigProblem(key, source, reason, fatal, inFile ? file.where(pointer) : null));
    }
}
