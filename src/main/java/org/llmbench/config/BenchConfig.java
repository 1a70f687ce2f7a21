package org.llmbench.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The effective configuration of one run, read once from parameters, the config file and defaults. */
public record BenchConfig(
        List<String> models,
        String provider,
        String url,
        String apiKeyEnv,
        List<String> phases,
        List<String> suiteRoots,
        List<String> questionFilter,
        long seed,
        int maxTasks,
        int timeoutS,
        double temperature,
        int numCtx,
        int numPredict,
        int retries,
        int lanes,
        double passScore,
        Double minScore,
        String handle,
        String device,
        String cellIdPrefix,
        Path out,
        String runId,
        boolean retryErrors,
        String replay,
        boolean strictJson,
        int retryOnParseFail,
        String systemPrompt,
        long maxBodyBytes,
        Map<String, Double> weights,
        Map<String, Setting> effective) {

    /** One effective value and where it came from ({@code parameter}, {@code config file ...}, {@code default}). */
    public record Setting(String value, String source) {
    }

    /** Providers the engine knows. */
    public static final List<String> PROVIDERS = List.of("ollama", "openai", "mock", "replay");

    /** Whether a phase (suite name or {@code tasks}) is selected by {@link Constants#PHASES}. */
    public boolean runsPhase(String phase) {
        return phases.contains("all") || phases.contains(phase);
    }

    /** The API key read from the environment variable the config names; never stored in the config itself. */
    public Optional<String> apiKey() {
        return apiKey(System::getenv);
    }

    /** The API key looked up through {@code env} (a seam for tests that must not touch the real environment). */
    public Optional<String> apiKey(java.util.function.UnaryOperator<String> env) {
        return Optional.ofNullable(apiKeyEnv).filter(n -> !n.isBlank()).map(env).filter(v -> !v.isBlank());
    }

    /**
     * This configuration with another list of models (e.g. {@code auto} expanded to the server's models), recorded
     * as coming from {@code source}, so the manifest and the reproduce command name the models that ran.
     */
    public BenchConfig withModels(List<String> newModels, String source) {
        var settings = new java.util.LinkedHashMap<>(effective);
        settings.put(Constants.MODEL, new Setting(String.join(",", newModels), source));
        return new BenchConfig(List.copyOf(newModels), provider, url, apiKeyEnv, phases, suiteRoots, questionFilter, seed,
                maxTasks, timeoutS, temperature, numCtx, numPredict, retries, lanes, passScore, minScore, handle, device,
                cellIdPrefix, out, runId, retryErrors, replay, strictJson, retryOnParseFail, systemPrompt, maxBodyBytes,
                weights, java.util.Collections.unmodifiableMap(settings));
    }

    /** The canonical generation options that this run changes, as option name to effective value. */
    public Map<String, Object> canonicalOverrides() {
        var overrides = new java.util.LinkedHashMap<String, Object>();
        if (temperature != Constants.CANONICAL_TEMPERATURE) {
            overrides.put("temperature", temperature);
        }
        if (numCtx != Constants.CANONICAL_NUM_CTX) {
            overrides.put("num_ctx", numCtx);
        }
        if (numPredict != Constants.CANONICAL_NUM_PREDICT) {
            overrides.put("num_predict", numPredict);
        }
        return overrides;
    }

    /**
     * The same configuration with another lane count, recorded as coming from {@code source}: a parallel phase
     * whose suite asks for more lanes than {@code bench.lanes} gives, when {@code bench.lanes} is not set.
     */
    public BenchConfig withLanes(int newLanes, String source) {
        var settings = new java.util.LinkedHashMap<>(effective);
        settings.put(Constants.LANES, new Setting(Integer.toString(newLanes), source));
        return new BenchConfig(models, provider, url, apiKeyEnv, phases, suiteRoots, questionFilter, seed, maxTasks,
                timeoutS, temperature, numCtx, numPredict, retries, newLanes, passScore, minScore, handle, device,
                cellIdPrefix, out, runId, retryErrors, replay, strictJson, retryOnParseFail, systemPrompt, maxBodyBytes,
                weights, java.util.Collections.unmodifiableMap(settings));
    }

    /** Whether {@code bench.lanes} was given (a parameter or the config file), not left at its default. */
    public boolean lanesGiven() {
        Setting s = effective.get(Constants.LANES);
        return s != null && !"default".equals(s.source());
    }

    /** Weight of a task kind or suite in the weighted total; 1.0 when the config names none. */
    public double weightOf(String name) {
        return weights.getOrDefault(name, 1.0);
    }

    /**
     * sha256 over the settings that change what a score means (not where files go), so runs with the same
     * hash are comparable on a leaderboard.
     */
    public String hash() {
        var canonical = new java.util.TreeMap<String, Object>();
        canonical.put("provider", provider);
        canonical.put("models", models);
        canonical.put("phases", phases);
        canonical.put("seed", seed);
        canonical.put("max_tasks", maxTasks);
        canonical.put("temperature", temperature);
        canonical.put("num_ctx", numCtx);
        canonical.put("num_predict", numPredict);
        canonical.put("pass_score", passScore);
        canonical.put("strict_json", strictJson);
        canonical.put("retry_on_parse_fail", retryOnParseFail);
        canonical.put("system_prompt", systemPrompt);
        canonical.put("weights", new java.util.TreeMap<>(weights));
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sha256:" + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
