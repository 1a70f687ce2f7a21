package org.llmbench.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effective configuration of one run, read once from parameters, the config file and defaults.
 *
 * <p>Values are held per {@link Key} ({@link #get(Key)}), each with its {@link Source} ({@link #source(Key)});
 * the named accessors ({@link #lanes()}, {@link #models()}, ...) are one-line reads of their key, kept so that
 * code reads as before. Instances are immutable: {@link #with(Key, Object, Source)} returns a changed copy.
 */
public final class BenchConfig {

    /** One effective value as text and where it came from. */
    public record Setting(String value, Source source) {
    }

    /** Providers the engine knows, by wire name. */
    public static final List<String> PROVIDERS = Provider.NAMES;

    private final Map<Key<?>, Object> values;
    private final Map<String, Double> weights;
    private final Map<String, Setting> effective;

    BenchConfig(Map<Key<?>, Object> values, Map<String, Double> weights, Map<String, Setting> effective) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.weights = Map.copyOf(weights);
        this.effective = Collections.unmodifiableMap(new LinkedHashMap<>(effective));
    }

    /** The effective value of a key (null for an optional key that is not set). */
    @SuppressWarnings("unchecked")
    public <T> T get(Key<T> key) {
        return (T) values.get(key);
    }

    /** Where a key's value came from; empty for an optional key that is not set. */
    public Optional<Source> source(Key<?> key) {
        return Optional.ofNullable(effective.get(key.name())).map(Setting::source);
    }

    /** This configuration with another value of a key, recorded as coming from {@code source}. */
    public <T> BenchConfig with(Key<T> key, T value, Source source) {
        var newValues = new LinkedHashMap<>(values);
        newValues.put(key, value);
        var settings = new LinkedHashMap<>(effective);
        settings.put(key.name(), new Setting(value == null ? null : key.format(value), source));
        return new BenchConfig(newValues, weights, settings);
    }

    /** Every effective setting by key name, in declaration order, with its source. */
    public Map<String, Setting> effective() {
        return effective;
    }

    /**
     * The effective settings as a run folder records them (the manifest's {@code effective_config}, run.md's
     * command lines): every path relative to the working directory, or under {@code ~/} ({@link SharedPaths}),
     * so that a folder meant for a public pull request names no user's home and no machine's layout.
     */
    public Map<String, Setting> effectiveToShare() {
        Map<String, Setting> shared = new LinkedHashMap<>();
        Map<String, Key<?>> keys = new java.util.HashMap<>();
        BenchKeys.ALL.forEach(k -> keys.put(k.name(), k));
        effective.forEach((name, setting) -> {
            Key<?> key = keys.get(name);
            shared.put(name, key != null && key.holdsPaths() && setting.value() != null
                    ? new Setting(SharedPaths.list(setting.value()), setting.source()) : setting);
        });
        return shared;
    }

    /** Whether a phase (suite name or {@code tasks}) is selected by {@link Constants#PHASES}. */
    public boolean runsPhase(String phase) {
        return phases().contains("all") || phases().contains(phase);
    }

    /** The API key read from the environment variable the config names; never stored in the config itself. */
    public Optional<String> apiKey() {
        return apiKey(System::getenv);
    }

    /** The API key looked up through {@code env} (a seam for tests that must not touch the real environment). */
    public Optional<String> apiKey(java.util.function.UnaryOperator<String> env) {
        return Optional.ofNullable(apiKeyEnv()).filter(n -> !n.isBlank()).map(env).filter(v -> !v.isBlank());
    }

    /** This configuration with another list of models (e.g. {@code auto} expanded to the server's models). */
    public BenchConfig withModels(List<String> newModels) {
        // Recorded with the source the model list had: expanding auto does not change who chose it.
        return with(BenchKeys.MODEL, List.copyOf(newModels), source(BenchKeys.MODEL).orElse(Source.DEFAULT));
    }

    /** Whether discovery checks the server and its models first. */
    public boolean preflight() {
        return get(BenchKeys.PREFLIGHT);
    }

    /** Calls in a row that fail to connect before the rest of the run is aborted; 0 never aborts. */
    public int maxConnectionFailures() {
        return get(BenchKeys.MAX_CONNECTION_FAILURES);
    }

    /** Where the engine writes the run folder's path at the end of the run, or null. */
    public Path runPointer() {
        return get(BenchKeys.RUN_POINTER);
    }

    /** The canonical generation options that this run changes, as option name to effective value. */
    public Map<String, Object> canonicalOverrides() {
        var overrides = new LinkedHashMap<String, Object>();
        if (temperature() != Constants.CANONICAL_TEMPERATURE) {
            overrides.put("temperature", temperature());
        }
        if (numCtx() != Constants.CANONICAL_NUM_CTX) {
            overrides.put("num_ctx", numCtx());
        }
        if (numPredict() != Constants.CANONICAL_NUM_PREDICT) {
            overrides.put("num_predict", numPredict());
        }
        return overrides;
    }

    /**
     * The same configuration with another lane count, recorded as coming from {@code source}: a parallel phase
     * whose suite asks for more lanes than {@code bench.lanes} gives, when {@code bench.lanes} is not set.
     */
    public BenchConfig withLanes(int newLanes, String source) {
        return with(BenchKeys.LANES, newLanes, new Source.Derived(source));
    }

    /** Whether {@code bench.lanes} was given (a parameter or the config file), not left at its default. */
    public boolean lanesGiven() {
        return source(BenchKeys.LANES).filter(s -> !(s instanceof Source.Default)).isPresent();
    }

    /** Weight of a task kind or suite in the weighted total; 1.0 when the config names none. */
    public double weightOf(String name) {
        return weights.getOrDefault(name, 1.0);
    }

    /**
     * sha256 over the settings that change what a score means (not where files go), so runs with the same
     * hash are comparable on a leaderboard. The text hashed is a sorted map's {@code toString} of these
     * values; it must not change (ConfigKeysTest pins one hash), so a new key changes it only if it is added here.
     */
    public String hash() {
        var canonical = new java.util.TreeMap<String, Object>();
        canonical.put("provider", provider().wireName());
        canonical.put("models", models());
        canonical.put("phases", phases());
        canonical.put("seed", seed());
        canonical.put("max_tasks", maxTasks());
        canonical.put("temperature", temperature());
        canonical.put("num_ctx", numCtx());
        canonical.put("num_predict", numPredict());
        canonical.put("pass_score", passScore());
        canonical.put("strict_json", strictJson());
        canonical.put("retry_on_parse_fail", retryOnParseFail());
        canonical.put("system_prompt", systemPrompt());
        canonical.put("weights", new java.util.TreeMap<>(weights));
        if (samples() > 1) { // only then, so the hash of every single-sample run stays what it was
            canonical.put("samples", samples());
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sha256:" + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** {@link BenchKeys#SHARD}: this process's part of the run, or null for the whole run. */
    public Shard shard() {
        return get(BenchKeys.SHARD);
    }

    /** {@link BenchKeys#RUN_GROUP}, or {@code cfg-} and the first 12 hex digits of {@link #hash()} when not given. */
    public String runGroup() {
        String given = get(BenchKeys.RUN_GROUP);
        return given != null ? given : "cfg-" + hash().substring("sha256:".length(), "sha256:".length() + 12);
    }

    /** The servers of {@link BenchKeys#URL}: one, or several given as a comma list, each without a trailing slash. */
    public List<String> urls() {
        return Key.split(url()).stream().map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).toList();
    }

    /** {@link BenchKeys#MODEL}. */
    public List<String> models() {
        return get(BenchKeys.MODEL);
    }

    /** {@link BenchKeys#PROVIDER}. */
    public Provider provider() {
        return get(BenchKeys.PROVIDER);
    }

    /** {@link BenchKeys#URL}, without a trailing slash. */
    public String url() {
        return get(BenchKeys.URL);
    }

    /** {@link BenchKeys#API_KEY_ENV}. */
    public String apiKeyEnv() {
        return get(BenchKeys.API_KEY_ENV);
    }

    /** {@link BenchKeys#PHASES}. */
    public List<String> phases() {
        return get(BenchKeys.PHASES);
    }

    /** {@link BenchKeys#SUITES}. */
    public List<String> suiteRoots() {
        return get(BenchKeys.SUITES);
    }

    /** {@link BenchKeys#QUESTION}. */
    public List<String> questionFilter() {
        return get(BenchKeys.QUESTION);
    }

    /** {@link BenchKeys#SEED}. */
    public long seed() {
        return get(BenchKeys.SEED);
    }

    /** {@link BenchKeys#MAX_TASKS}. */
    public int maxTasks() {
        return get(BenchKeys.MAX_TASKS);
    }

    /** {@link BenchKeys#TIMEOUT_S}. */
    public int timeoutS() {
        return get(BenchKeys.TIMEOUT_S);
    }

    /** {@link BenchKeys#TEMPERATURE}. */
    public double temperature() {
        return get(BenchKeys.TEMPERATURE);
    }

    /** {@link BenchKeys#NUM_CTX}. */
    public int numCtx() {
        return get(BenchKeys.NUM_CTX);
    }

    /** {@link BenchKeys#NUM_PREDICT}. */
    public int numPredict() {
        return get(BenchKeys.NUM_PREDICT);
    }

    /** {@link BenchKeys#RETRIES}. */
    public int retries() {
        return get(BenchKeys.RETRIES);
    }

    /** {@link BenchKeys#LANES}. */
    public int lanes() {
        return get(BenchKeys.LANES);
    }

    /** {@link BenchKeys#PASS_SCORE}. */
    public double passScore() {
        return get(BenchKeys.PASS_SCORE);
    }

    /** {@link BenchKeys#MIN_SCORE}; null when no gate is set. */
    public Double minScore() {
        return get(BenchKeys.MIN_SCORE);
    }

    /** {@link BenchKeys#HANDLE}. */
    public String handle() {
        return get(BenchKeys.HANDLE);
    }

    /** {@link BenchKeys#DEVICE}. */
    public String device() {
        return get(BenchKeys.DEVICE);
    }

    /** {@link BenchKeys#CELL_ID_PREFIX}. */
    public String cellIdPrefix() {
        return get(BenchKeys.CELL_ID_PREFIX);
    }

    /** {@link BenchKeys#OUT}. */
    public Path out() {
        return get(BenchKeys.OUT);
    }

    /** {@link BenchKeys#RUN_ID}. */
    public String runId() {
        return get(BenchKeys.RUN_ID);
    }

    /** {@link BenchKeys#RETRY_ERRORS}. */
    public boolean retryErrors() {
        return get(BenchKeys.RETRY_ERRORS);
    }

    /** {@link BenchKeys#REPLAY}. */
    public String replay() {
        return get(BenchKeys.REPLAY);
    }

    /** {@link BenchKeys#STRICT_JSON}. */
    public boolean strictJson() {
        return get(BenchKeys.STRICT_JSON);
    }

    /** {@link BenchKeys#SAMPLES}. */
    public int samples() {
        return get(BenchKeys.SAMPLES);
    }

    /** {@link BenchKeys#RETRY_ON_PARSE_FAIL}. */
    public int retryOnParseFail() {
        return get(BenchKeys.RETRY_ON_PARSE_FAIL);
    }

    /** {@link BenchKeys#SYSTEM_PROMPT}. */
    public String systemPrompt() {
        return get(BenchKeys.SYSTEM_PROMPT);
    }

    /** {@link BenchKeys#MAX_BODY_BYTES}. */
    public long maxBodyBytes() {
        return get(BenchKeys.MAX_BODY_BYTES);
    }

    /** {@link BenchKeys#PARALLEL_ENABLED}. */
    public boolean parallelEnabled() {
        return get(BenchKeys.PARALLEL_ENABLED);
    }

    /** Weights of task kinds and suites ({@code suite.weights} of the config file over the defaults). */
    public Map<String, Double> weights() {
        return weights;
    }

    @Override
    public String toString() {
        return "BenchConfig" + effective;
    }
}
