package org.llmbench.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every configuration key of llm-bench, named here in the order of the configuration reference (docs/CONFIGURATION.md).
 *
 * <p>Each key is declared once, in the package-private class of its concern ({@link ModelKeys}, {@link RunKeys},
 * {@link ScoringKeys}, {@link ReportKeys}), and named here for every caller. A declaration is the whole key:
 * {@link ConfigLoader} reads it (parameter, then the config file at its pointer, then its default), the CLI derives
 * its flag and --help text, the reproduce command its flag, the config file reader its field, and
 * {@code ReadmeTableTest} keeps that table equal to {@link #readmeTable()}. Adding a key is declaring it in its
 * concern's class, naming it here and in {@link #ALL} (ConfigKeysTest checks all three), plus its
 * {@link BenchConfig} accessor where code reads it. This is the one constants class of keys: code that passes a
 * key by name writes {@code BenchKeys.MODEL.name()}; no other class repeats the names.
 */
public final class BenchKeys {

    /** The prefix of every key. */
    public static final String PREFIX = "bench.";

    // Each key's type, default and meaning are in its concern's class; here, each is named once for callers.
    public static final Key<List<String>> MODEL = ModelKeys.MODEL;
    public static final Key<Provider> PROVIDER = ModelKeys.PROVIDER;
    public static final Key<String> URL = ModelKeys.URL;
    public static final Key<String> API_KEY_ENV = ModelKeys.API_KEY_ENV;
    public static final Key<String> CONFIG = RunKeys.CONFIG;
    public static final Key<List<String>> PHASES = RunKeys.PHASES;
    public static final Key<List<String>> SUITES = RunKeys.SUITES;
    public static final Key<List<String>> QUESTION = RunKeys.QUESTION;
    public static final Key<Long> SEED = RunKeys.SEED;
    public static final Key<Integer> MAX_TASKS = RunKeys.MAX_TASKS;
    public static final Key<Integer> TIMEOUT_S = ModelKeys.TIMEOUT_S;
    public static final Key<Double> TEMPERATURE = ModelKeys.TEMPERATURE;
    public static final Key<Integer> NUM_CTX = ModelKeys.NUM_CTX;
    public static final Key<Integer> NUM_PREDICT = ModelKeys.NUM_PREDICT;
    public static final Key<Integer> RETRIES = ModelKeys.RETRIES;
    public static final Key<Integer> LANES = ModelKeys.LANES;
    public static final Key<Double> PASS_SCORE = ScoringKeys.PASS_SCORE;
    public static final Key<Double> MIN_SCORE = ReportKeys.MIN_SCORE;
    public static final Key<Path> BASELINE = ReportKeys.BASELINE;
    public static final Key<Double> BASELINE_ALPHA = ReportKeys.BASELINE_ALPHA;
    public static final Key<Double> MAX_DROP = ReportKeys.MAX_DROP;
    public static final Key<String> BASELINE_MODEL = ReportKeys.BASELINE_MODEL;
    public static final Key<String> HANDLE = ReportKeys.HANDLE;
    public static final Key<String> DEVICE = ReportKeys.DEVICE;
    public static final Key<String> CELL_ID_PREFIX = ReportKeys.CELL_ID_PREFIX;
    public static final Key<Path> OUT = ReportKeys.OUT;
    public static final Key<String> RUN_ID = RunKeys.RUN_ID;
    public static final Key<Boolean> RETRY_ERRORS = RunKeys.RETRY_ERRORS;
    public static final Key<String> REPLAY = RunKeys.REPLAY;
    public static final Key<String> SYSTEM_PROMPT = ModelKeys.SYSTEM_PROMPT;
    public static final Key<Boolean> STRICT_JSON = ScoringKeys.STRICT_JSON;
    public static final Key<Integer> RETRY_ON_PARSE_FAIL = ScoringKeys.RETRY_ON_PARSE_FAIL;
    public static final Key<Long> MAX_BODY_BYTES = ModelKeys.MAX_BODY_BYTES;
    public static final Key<Boolean> PREFLIGHT = ModelKeys.PREFLIGHT;
    public static final Key<Integer> MAX_CONNECTION_FAILURES = ModelKeys.MAX_CONNECTION_FAILURES;
    public static final Key<Path> RUN_POINTER = ReportKeys.RUN_POINTER;
    public static final Key<String> REPORT_ENTRIES = ReportKeys.REPORT_ENTRIES;
    public static final Key<Boolean> PARALLEL_ENABLED = RunKeys.PARALLEL_ENABLED;
    public static final Key<Shard> SHARD = RunKeys.SHARD;
    public static final Key<String> RUN_GROUP = RunKeys.RUN_GROUP;
    public static final Key<Integer> SAMPLES = RunKeys.SAMPLES;
    public static final Key<String> TOOL_MODE = ScoringKeys.TOOL_MODE;
    public static final Key<String> SANDBOX = ScoringKeys.SANDBOX;
    public static final Key<String> PROMPT_FORMAT = ScoringKeys.PROMPT_FORMAT;
    public static final Key<Integer> SHOTS = ScoringKeys.SHOTS;
    public static final Key<List<String>> METHOD = ScoringKeys.METHOD;
    public static final Key<String> FOOTPRINT = RunKeys.FOOTPRINT;
    public static final Key<Integer> FOOTPRINT_PERIOD_MS = RunKeys.FOOTPRINT_PERIOD_MS;

    /** Every key, in README order. */
    public static final List<Key<?>> ALL = List.of(MODEL, PROVIDER, URL, API_KEY_ENV, CONFIG, PHASES, SUITES, QUESTION,
            SEED, MAX_TASKS, TIMEOUT_S, TEMPERATURE, NUM_CTX, NUM_PREDICT, RETRIES, LANES, PASS_SCORE, MIN_SCORE, BASELINE,
            BASELINE_ALPHA, MAX_DROP, BASELINE_MODEL, HANDLE,
            DEVICE, CELL_ID_PREFIX, OUT, RUN_ID, RETRY_ERRORS, REPLAY, SYSTEM_PROMPT, STRICT_JSON, RETRY_ON_PARSE_FAIL,
            MAX_BODY_BYTES, PREFLIGHT, MAX_CONNECTION_FAILURES, RUN_POINTER, REPORT_ENTRIES, PARALLEL_ENABLED,
            SHARD, RUN_GROUP, SAMPLES, SANDBOX, PROMPT_FORMAT, SHOTS, METHOD,
            TOOL_MODE, FOOTPRINT, FOOTPRINT_PERIOD_MS);

    /** Families of keys known by prefix (passed on to another component), with their README row. */
    public static final Map<String, String> PREFIXES = Map.of(ParallelKeys.CONFIG_PREFIX,
            "`strategy`, `fixed.parallelism`, ... as for JUnit Jupiter (old prefix `llm-bench.execution.parallel.config.`)");

    private static final Map<String, Key<?>> BY_NAME;

    static {
        Map<String, Key<?>> byName = new LinkedHashMap<>();
        for (Key<?> key : ALL) {
            if (byName.put(key.name(), key) != null) {
                throw new IllegalStateException("key declared twice: " + key.name());
            }
        }
        BY_NAME = java.util.Collections.unmodifiableMap(byName);
    }

    private BenchKeys() {
    }

    /** The key of a name (not an old name). */
    public static Optional<Key<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * A warning for every given {@code bench.*} name that no key declares, naming the nearest key
     * ({@code bench.phase}: did you mean {@code bench.phases}?); names under a known prefix are known.
     */
    public static List<ConfigProblem> unknown(Set<String> names) {
        return names.stream().filter(n -> n.startsWith(PREFIX)).sorted()
                .filter(n -> !BY_NAME.containsKey(n) && PREFIXES.keySet().stream().noneMatch(n::startsWith))
                .map(n -> new ConfigProblem(n, "parameter", "unknown configuration key" + Spelling.nearest(n, BY_NAME.keySet())
                        .map(k -> "; did you mean " + k + "?").orElse(" (see the README's configuration reference)"), false))
                .toList();
    }

    /**
     * The README's key table, one row per key (and per prefix), generated from the declarations: name, CLI
     * flags, config-file field, default and meaning. {@code ReadmeTableTest} fails when the README differs.
     */
    public static String readmeTable() {
        StringBuilder table = new StringBuilder("| key | flag | config file | default | range | meaning |\n|---|---|---|---|---|---|\n");
        for (Key<?> key : ALL) {
            String flags = String.join(", ", key.flags().stream().map(f -> "`" + f + "`").toList());
            String field = key.pointer().map(p -> "`" + p.substring(1).replace('/', '.') + "`").orElse("");
            table.append("| `").append(key.name()).append("` | ").append(flags).append(" | ").append(field).append(" | ")
                    .append(key.defaultDoc()).append(" | ").append(key.range().orElse("")).append(" | ")
                    .append(key.meaning()).append(" |\n");
        }
        PREFIXES.forEach((prefix, meaning) -> table.append("| `").append(prefix).append("*` | | | | | ").append(meaning).append(" |\n"));
        return table.toString();
    }
}
