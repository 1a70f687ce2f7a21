package org.llmbench.config;

/**
 * The names of the configuration keys, for code that passes or looks up a key by name, plus the engine id and
 * the canonical generation options.
 *
 * <p>Each key is declared once, in {@link BenchKeys} (type, default, meaning, flag, config-file field); the
 * names here are read from those declarations. Keys are read as JUnit configuration parameters, which fall
 * back to JVM system properties ({@code -Dbench.model=...}) and {@code junit-platform.properties}; then the
 * JSON file named by {@link #CONFIG}; then the declared defaults.
 */
public final class Constants {

    /** Engine id used in unique ids, Surefire's engine include/exclude lists and the console launcher. */
    public static final String ENGINE_ID = "llm-bench";

    /** The name of {@link BenchKeys#MODEL}. */
    public static final String MODEL = BenchKeys.MODEL.name();

    /** The name of {@link BenchKeys#PROVIDER}. */
    public static final String PROVIDER = BenchKeys.PROVIDER.name();

    /** The name of {@link BenchKeys#URL}. */
    public static final String URL = BenchKeys.URL.name();

    /** The name of {@link BenchKeys#API_KEY_ENV}. */
    public static final String API_KEY_ENV = BenchKeys.API_KEY_ENV.name();

    /** The name of {@link BenchKeys#CONFIG}. */
    public static final String CONFIG = BenchKeys.CONFIG.name();

    /** The name of {@link BenchKeys#PHASES}. */
    public static final String PHASES = BenchKeys.PHASES.name();

    /** The name of {@link BenchKeys#SUITES}. */
    public static final String SUITES = BenchKeys.SUITES.name();

    /** The name of {@link BenchKeys#QUESTION}. */
    public static final String QUESTION = BenchKeys.QUESTION.name();

    /** The name of {@link BenchKeys#SEED}. */
    public static final String SEED = BenchKeys.SEED.name();

    /** The name of {@link BenchKeys#MAX_TASKS}. */
    public static final String MAX_TASKS = BenchKeys.MAX_TASKS.name();

    /** The name of {@link BenchKeys#TIMEOUT_S}. */
    public static final String TIMEOUT_S = BenchKeys.TIMEOUT_S.name();

    /** The name of {@link BenchKeys#TEMPERATURE}. */
    public static final String TEMPERATURE = BenchKeys.TEMPERATURE.name();

    /** The name of {@link BenchKeys#NUM_CTX}. */
    public static final String NUM_CTX = BenchKeys.NUM_CTX.name();

    /** The name of {@link BenchKeys#NUM_PREDICT}. */
    public static final String NUM_PREDICT = BenchKeys.NUM_PREDICT.name();

    /** The name of {@link BenchKeys#RETRIES}. */
    public static final String RETRIES = BenchKeys.RETRIES.name();

    /** The name of {@link BenchKeys#LANES}. */
    public static final String LANES = BenchKeys.LANES.name();

    /** The name of {@link BenchKeys#PASS_SCORE}. */
    public static final String PASS_SCORE = BenchKeys.PASS_SCORE.name();

    /** The name of {@link BenchKeys#MIN_SCORE}. */
    public static final String MIN_SCORE = BenchKeys.MIN_SCORE.name();

    /** The name of {@link BenchKeys#HANDLE}. */
    public static final String HANDLE = BenchKeys.HANDLE.name();

    /** The name of {@link BenchKeys#DEVICE}. */
    public static final String DEVICE = BenchKeys.DEVICE.name();

    /** The name of {@link BenchKeys#CELL_ID_PREFIX}. */
    public static final String CELL_ID_PREFIX = BenchKeys.CELL_ID_PREFIX.name();

    /** The name of {@link BenchKeys#OUT}. */
    public static final String OUT = BenchKeys.OUT.name();

    /** The name of {@link BenchKeys#RUN_ID}. */
    public static final String RUN_ID = BenchKeys.RUN_ID.name();

    /** The name of {@link BenchKeys#RETRY_ERRORS}. */
    public static final String RETRY_ERRORS = BenchKeys.RETRY_ERRORS.name();

    /** The name of {@link BenchKeys#PREFLIGHT}. */
    public static final String PREFLIGHT = BenchKeys.PREFLIGHT.name();

    /** The name of {@link BenchKeys#MAX_CONNECTION_FAILURES}. */
    public static final String MAX_CONNECTION_FAILURES = BenchKeys.MAX_CONNECTION_FAILURES.name();

    /** The name of {@link BenchKeys#SHARD}. */
    public static final String SHARD = BenchKeys.SHARD.name();

    /** The name of {@link BenchKeys#RUN_GROUP}. */
    public static final String RUN_GROUP = BenchKeys.RUN_GROUP.name();

    /** The name of {@link BenchKeys#RUN_POINTER}. */
    public static final String RUN_POINTER = BenchKeys.RUN_POINTER.name();

    /** The name of {@link BenchKeys#REPLAY}. */
    public static final String REPLAY = BenchKeys.REPLAY.name();

    /** The name of {@link BenchKeys#STRICT_JSON}. */
    public static final String STRICT_JSON = BenchKeys.STRICT_JSON.name();

    /** The name of {@link BenchKeys#SAMPLES}. */
    public static final String SAMPLES = BenchKeys.SAMPLES.name();

    /** The name of {@link BenchKeys#SANDBOX}. */
    public static final String SANDBOX = BenchKeys.SANDBOX.name();

    /** The name of {@link BenchKeys#RETRY_ON_PARSE_FAIL}. */
    public static final String RETRY_ON_PARSE_FAIL = BenchKeys.RETRY_ON_PARSE_FAIL.name();

    /** The name of {@link BenchKeys#SYSTEM_PROMPT}. */
    public static final String SYSTEM_PROMPT = BenchKeys.SYSTEM_PROMPT.name();

    /** The name of {@link BenchKeys#MAX_BODY_BYTES}. */
    public static final String MAX_BODY_BYTES = BenchKeys.MAX_BODY_BYTES.name();

    /** Prefix of the engine's own parallel-execution keys ({@link ParallelKeys}; the old prefix still works). */
    public static final String PARALLEL_PREFIX = ParallelKeys.PREFIX;

    /** The name of {@link BenchKeys#PARALLEL_ENABLED}. */
    public static final String PARALLEL_ENABLED = BenchKeys.PARALLEL_ENABLED.name();

    /** Prefix of the executor's strategy keys ({@code strategy}, {@code fixed.parallelism}, ...). */
    public static final String PARALLEL_CONFIG_PREFIX = ParallelKeys.CONFIG_PREFIX;

    /** Canonical generation options; deviations are recorded in the manifest. */
    public static final double CANONICAL_TEMPERATURE = 0.1;
    /** Canonical context window. */
    public static final int CANONICAL_NUM_CTX = 4096;
    /** Canonical generation limit. */
    public static final int CANONICAL_NUM_PREDICT = 2048;

    private Constants() {
    }
}
