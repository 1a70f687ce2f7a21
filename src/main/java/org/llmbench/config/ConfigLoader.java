package org.llmbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the configuration once: parameters first, then the JSON config file, then defaults.
 *
 * <p>A bad value never throws: it is reported as a {@link ConfigProblem} naming the key and the reason,
 * and the default is used in its place, so the engine can report every problem at once.
 */
public final class ConfigLoader {

    /** The outcome: a usable configuration plus everything that was wrong with the input. */
    public record Result(BenchConfig config, List<ConfigProblem> problems) {
        public boolean hasFatalProblems() {
            return problems.stream().anyMatch(ConfigProblem::fatal);
        }
    }

    /** Task kinds and suites that {@code suite.weights} may name. */
    public static final Set<String> WEIGHT_NAMES = Set.of("json_extraction", "code_fix", "planning", "algorithm",
            "reasoning", "security", "etl", "hello", "frozen", "5q", "20q", "parallel_same", "parallel_mixed",
            "edge_append", "edge_suite");

    private static final Map<String, Double> DEFAULT_WEIGHTS = Map.of("json_extraction", 1.0, "code_fix", 2.0,
            "planning", 1.0, "algorithm", 2.0, "reasoning", 1.5, "security", 1.0, "etl", 1.0);

    private final Function<String, Optional<String>> parameters;
    private final Map<String, BenchConfig.Setting> effective = new LinkedHashMap<>();
    private final List<ConfigProblem> problems = new ArrayList<>();
    private ConfigFile file = ConfigFile.NONE;

    private ConfigLoader(Function<String, Optional<String>> parameters) {
        this.parameters = parameters;
    }

    /** Loads the configuration from a parameter lookup (JUnit configuration parameters, or a map in tests). */
    public static Result load(Function<String, Optional<String>> parameters) {
        return new ConfigLoader(parameters).load();
    }

    /**
     * The JSON Pointer in the config file of the value behind a problem's key: a mapped key's field
     * ({@code bench.temperature} is {@code /model/temperature}) or a file path ({@code model.foo}).
     */
    public static String fileField(String key) {
        return ConfigFile.fieldOf(key);
    }

    private Result load() {
        readFile();
        String replay = string(Constants.REPLAY, null);
        List<String> models = list(Constants.MODEL, replay == null ? "mock" : ReplayDefaults.models(Path.of(replay)));
        String urlGiven = raw(Constants.URL).map(BenchConfig.Setting::value).orElse(null);
        String provider = provider(models, urlGiven, replay);
        String url = string(Constants.URL, "openai".equals(provider) ? "http://127.0.0.1:1234/v1" : "http://127.0.0.1:11434");
        var config = new BenchConfig(
                models,
                provider,
                stripSlash(url),
                string(Constants.API_KEY_ENV, null),
                list(Constants.PHASES, "hello,5q,20q,tasks"),
                list(Constants.SUITES, "suites"),
                list(Constants.QUESTION, ""),
                integer(Constants.SEED, 42L, Long.MIN_VALUE, Long.MAX_VALUE),
                (int) integer(Constants.MAX_TASKS, 0, 0, 1_000_000),
                (int) integer(Constants.TIMEOUT_S, 360, 1, 86_400),
                decimal(Constants.TEMPERATURE, Constants.CANONICAL_TEMPERATURE, 0, 2),
                (int) integer(Constants.NUM_CTX, Constants.CANONICAL_NUM_CTX, 1, 10_000_000),
                (int) integer(Constants.NUM_PREDICT, Constants.CANONICAL_NUM_PREDICT, 1, 10_000_000),
                (int) integer(Constants.RETRIES, 2, 0, 20),
                (int) integer(Constants.LANES, 1, 1, 256),
                decimal(Constants.PASS_SCORE, 70, 0, 100),
                raw(Constants.MIN_SCORE).filter(s -> !s.value().isBlank()).isPresent()
                        ? decimal(Constants.MIN_SCORE, 0, 0, 1000) : null,
                string(Constants.HANDLE, null),
                string(Constants.DEVICE, "unknown-device"),
                string(Constants.CELL_ID_PREFIX, null),
                Path.of(string(Constants.OUT, "target/bench-runs")),
                string(Constants.RUN_ID, null),
                bool(Constants.RETRY_ERRORS, false),
                replay,
                bool(Constants.STRICT_JSON, true),
                (int) integer(Constants.RETRY_ON_PARSE_FAIL, 1, 0, 5),
                string(Constants.SYSTEM_PROMPT, null),
                integer(Constants.MAX_BODY_BYTES, 8L * 1024 * 1024, 1024, Integer.MAX_VALUE),
                weights(),
                Map.copyOf(effective));
        checkCombinations(config);
        return new Result(config, List.copyOf(problems));
    }

    private void readFile() {
        Optional<String> path = parameters.apply(Constants.CONFIG).filter(p -> !p.isBlank());
        if (path.isPresent()) {
            effective.put(Constants.CONFIG, new BenchConfig.Setting(path.get(), "parameter"));
            file = ConfigFile.read(path.get(), problems::add);
        }
    }

    private Optional<BenchConfig.Setting> raw(String key) {
        BenchConfig.Setting cached = effective.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> fromParameter = parameters.apply(key);
        if (fromParameter.isPresent()) {
            return Optional.of(new BenchConfig.Setting(fromParameter.get().trim(), "parameter"));
        }
        return file.setting(key);
    }

    private String value(String key, String fallback) {
        Optional<BenchConfig.Setting> given = raw(key);
        BenchConfig.Setting setting = given.orElse(new BenchConfig.Setting(fallback, "default"));
        if (setting.value() != null) {
            effective.put(key, setting);
        }
        return setting.value();
    }

    private String string(String key, String fallback) {
        String v = value(key, fallback);
        return v == null || v.isBlank() ? fallback : v;
    }

    private List<String> list(String key, String fallback) {
        String v = value(key, fallback);
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private long integer(String key, long fallback, long min, long max) {
        String v = value(key, Long.toString(fallback));
        try {
            long parsed = Long.parseLong(v.trim());
            if (parsed < min || parsed > max) {
                invalid(key, "'" + v + "' is outside " + min + ".." + max);
                return fallback;
            }
            return parsed;
        } catch (NumberFormatException e) {
            invalid(key, "'" + v + "' is not a whole number");
            return fallback;
        }
    }

    private double decimal(String key, double fallback, double min, double max) {
        String v = value(key, Double.toString(fallback));
        try {
            double parsed = Double.parseDouble(v.trim());
            if (!(parsed >= min && parsed <= max)) {
                invalid(key, "'" + v + "' is outside " + min + ".." + max);
                return fallback;
            }
            return parsed;
        } catch (NumberFormatException e) {
            invalid(key, "'" + v + "' is not a number");
            return fallback;
        }
    }

    private boolean bool(String key, boolean fallback) {
        String v = value(key, Boolean.toString(fallback)).trim().toLowerCase(java.util.Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            invalid(key, "'" + v + "' is not true or false");
            return fallback;
        }
        return Boolean.parseBoolean(v);
    }

    private void invalid(String key, String reason) {
        problem(key, effective.get(key).source(), reason, true);
    }

    private String provider(List<String> models, String url, String replay) {
        String given = value(Constants.PROVIDER, null);
        if (given != null && !given.isBlank()) {
            String normalised = given.trim().toLowerCase(java.util.Locale.ROOT).replace("openai_compatible", "openai");
            if (BenchConfig.PROVIDERS.contains(normalised)) {
                String key = replay == null ? Constants.PROVIDER : Constants.REPLAY;
                ReplayDefaults.check(normalised, replay).ifPresent(reason ->
                        problem(key, effective.get(key).source(), reason, true));
                return normalised;
            }
            problem(Constants.PROVIDER, effective.get(Constants.PROVIDER).source(),
                    "'" + given + "' is not one of " + BenchConfig.PROVIDERS, true);
        }
        String inferred;
        if (replay != null) {
            inferred = "replay";
            ReplayDefaults.check(inferred, replay).ifPresent(reason ->
                    problem(Constants.REPLAY, effective.get(Constants.REPLAY).source(), reason, true));
        } else if (!models.isEmpty() && models.stream().allMatch(m -> m.equals("mock") || m.startsWith("mock:"))) {
            inferred = "mock";
        } else if (url != null && url.contains("/v1")) {
            inferred = "openai";
        } else {
            inferred = "ollama";
        }
        effective.put(Constants.PROVIDER, new BenchConfig.Setting(inferred, "inferred"));
        return inferred;
    }

    private Map<String, Double> weights() {
        var weights = new LinkedHashMap<>(DEFAULT_WEIGHTS);
        JsonNode node = file.at("/suite/weights");
        if (node.isMissingNode()) {
            return Map.copyOf(weights);
        }
        if (!node.isObject()) {
            problem("suite.weights", file.source(), "must be an object of name to number", true);
            return Map.copyOf(weights);
        }
        node.fields().forEachRemaining(e -> {
            if (!WEIGHT_NAMES.contains(e.getKey())) {
                problem("suite.weights." + e.getKey(), file.source(), "unknown task or suite name; known: "
                        + new java.util.TreeSet<>(WEIGHT_NAMES), true);
            } else if (!e.getValue().isNumber() || e.getValue().asDouble() < 0) {
                problem("suite.weights." + e.getKey(), file.source(), "must be a number >= 0", true);
            } else {
                weights.put(e.getKey(), e.getValue().asDouble());
            }
        });
        effective.put("suite.weights", new BenchConfig.Setting(node.toString(), file.source()));
        return Map.copyOf(weights);
    }

    private void checkCombinations(BenchConfig config) {
        if (config.models().isEmpty()) {
            problem(Constants.MODEL, effective.get(Constants.MODEL).source(), "names no model", true);
        }
        if (config.retryErrors() && config.runId() == null) {
            problem(Constants.RETRY_ERRORS, effective.get(Constants.RETRY_ERRORS).source(),
                    "needs " + Constants.RUN_ID + " (the run to retry)", true);
        }
        String url = config.url();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            problem(Constants.URL, effective.get(Constants.URL).source(), "'" + url + "' is not an http(s) URL", true);
        }
    }

    private void problem(String key, String source, String reason, boolean fatal) {
        problems.add(new ConfigProblem(key, source, reason, fatal));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
