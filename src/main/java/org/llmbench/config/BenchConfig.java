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
        return SharedPaths.settings(effective);
    }

    /** Whether a phase (suite name or {@code tasks}) is selected by {@link BenchKeys#PHASES}. */
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

    /** The canonical generation options that this run changes, as option name to effective value. */
    public Map<String, Object> canonicalOverrides() {
        return Constants.canonicalOverrides(temperature(), numCtx(), numPredict());
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
     * hash are comparable on a leaderboard ({@link ConfigHash}).
     */
    public String hash() {
        return ConfigHash.of(this);
    }

    /** {@link BenchKeys#RUN_GROUP}, or {@code cfg-} and the first 12 hex digits of {@link #hash()} when not given. */
    public String runGroup() {
        String given = get(BenchKeys.RUN_GROUP);
        return given != null ? given : "cfg-" + hash().substring("sha256:".length(), "sha256:".length() + 12);
    }

    /** The servers of {@link BenchKeys#URL}: one, or several given as a comma list, each without a trailing slash. */
    public List<String> urls() {
        return KeyTypes.split(url()).stream().map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).toList();
    }

    // Typed reads of one key each, named after it: models() is get(BenchKeys.MODEL); BenchKeys says what each means.
    // An optional key that is not set reads as null (shard(): the whole run; baseline(): no gate against a baseline;
    // shots(): the reference's count).

    public List<String> models() {
        return get(BenchKeys.MODEL);
    }

    public Provider provider() {
        return get(BenchKeys.PROVIDER);
    }

    public String url() {
        return get(BenchKeys.URL);
    }

    public String apiKeyEnv() {
        return get(BenchKeys.API_KEY_ENV);
    }

    public List<String> phases() {
        return get(BenchKeys.PHASES);
    }

    public List<String> suiteRoots() {
        return get(BenchKeys.SUITES);
    }

    public List<String> questionFilter() {
        return get(BenchKeys.QUESTION);
    }

    public long seed() {
        return get(BenchKeys.SEED);
    }

    public int maxTasks() {
        return get(BenchKeys.MAX_TASKS);
    }

    public int timeoutS() {
        return get(BenchKeys.TIMEOUT_S);
    }

    public double temperature() {
        return get(BenchKeys.TEMPERATURE);
    }

    public int numCtx() {
        return get(BenchKeys.NUM_CTX);
    }

    public int numPredict() {
        return get(BenchKeys.NUM_PREDICT);
    }

    public int retries() {
        return get(BenchKeys.RETRIES);
    }

    public int lanes() {
        return get(BenchKeys.LANES);
    }

    public double passScore() {
        return get(BenchKeys.PASS_SCORE);
    }

    public String handle() {
        return get(BenchKeys.HANDLE);
    }

    public String device() {
        return get(BenchKeys.DEVICE);
    }

    public String cellIdPrefix() {
        return get(BenchKeys.CELL_ID_PREFIX);
    }

    public Path out() {
        return get(BenchKeys.OUT);
    }

    public String runId() {
        return get(BenchKeys.RUN_ID);
    }

    public boolean retryErrors() {
        return get(BenchKeys.RETRY_ERRORS);
    }

    public String replay() {
        return get(BenchKeys.REPLAY);
    }

    public boolean strictJson() {
        return get(BenchKeys.STRICT_JSON);
    }

    /** Whether the tools phase describes the functions in the prompt instead of using the server's tool API. */
    public boolean promptedTools() {
        return get(BenchKeys.TOOL_MODE).equals("prompted");
    }

    /** {@link BenchKeys#SANDBOX}: whether model code may run without operating-system isolation. */
    public boolean unisolatedSandbox() {
        return get(BenchKeys.SANDBOX).equals("unisolated");
    }

    /** {@link BenchKeys#PROMPT_FORMAT}: {@code instruct} or {@code reference}. */
    public String promptFormat() {
        return get(BenchKeys.PROMPT_FORMAT);
    }

    public Integer shots() {
        return get(BenchKeys.SHOTS);
    }

    /** {@link BenchKeys#METHOD}: the scoring methods preferred as the headline, in order. */
    public List<String> headlineMethods() {
        return get(BenchKeys.METHOD);
    }

    public int samples() {
        return get(BenchKeys.SAMPLES);
    }

    public int retryOnParseFail() {
        return get(BenchKeys.RETRY_ON_PARSE_FAIL);
    }

    public String systemPrompt() {
        return get(BenchKeys.SYSTEM_PROMPT);
    }

    public long maxBodyBytes() {
        return get(BenchKeys.MAX_BODY_BYTES);
    }

    public boolean parallelEnabled() {
        return get(BenchKeys.PARALLEL_ENABLED);
    }

    public boolean preflight() {
        return get(BenchKeys.PREFLIGHT);
    }

    public int maxConnectionFailures() {
        return get(BenchKeys.MAX_CONNECTION_FAILURES);
    }

    public Path runPointer() {
        return get(BenchKeys.RUN_POINTER);
    }

    public Path baseline() {
        return get(BenchKeys.BASELINE);
    }

    public Shard shard() {
        return get(BenchKeys.SHARD);
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
