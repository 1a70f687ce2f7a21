package org.llmbench.config;

/**
 * Every configuration key of llm-bench, in one place.
 *
 * <p>Keys are read as JUnit configuration parameters, which fall back to JVM system properties
 * ({@code -Dbench.model=...}) and {@code junit-platform.properties}; then the JSON file named by
 * {@link #CONFIG}; then the defaults given here. The README's configuration reference mirrors this class.
 */
public final class Constants {

    /** Engine id used in unique ids, Surefire's engine include/exclude lists and the console launcher. */
    public static final String ENGINE_ID = "llm-bench";

    /** Comma-separated model names; {@code mock} (and {@code mock:junk}, {@code mock:failing}, {@code mock:slow}) is built in; {@code auto} asks the server. Default {@code mock}. */
    public static final String MODEL = "bench.model";

    /** {@code ollama} (native API), {@code openai} (compatible API), {@code mock} or {@code replay}. Default: inferred from model and URL. */
    public static final String PROVIDER = "bench.provider";

    /** Server base URL. Default {@code http://127.0.0.1:11434} for ollama, {@code http://127.0.0.1:1234/v1} for openai. */
    public static final String URL = "bench.url";

    /** Name of the environment variable holding the API key; the key itself is never written anywhere. */
    public static final String API_KEY_ENV = "bench.apiKeyEnv";

    /** Path of a JSON config file (SPEC section 4 shape); its values rank below parameters and properties. */
    public static final String CONFIG = "bench.config";

    /** Phases to run: comma list of suite names (default {@code hello,5q,20q,tasks}; also frozen, parallel_same, parallel_mixed, edge_append, edge_suite) or {@code all}. */
    public static final String PHASES = "bench.phases";

    /** Where suites are looked up when a unique id names one: comma list of directories; {@code suites/} on the classpath is always searched last. */
    public static final String SUITES = "bench.suites";

    /** Comma list of {@code suite/questionId} filters, e.g. {@code 5q/Q03}; only those questions run. */
    public static final String QUESTION = "bench.question";

    /** Seed of the generated tasks and of the mock model. Default 42. */
    public static final String SEED = "bench.seed";

    /** Upper bound on generated tasks per kind. Default 0 = the kind's own count. */
    public static final String MAX_TASKS = "bench.maxTasks";

    /** Per-call timeout in seconds. Default 360. */
    public static final String TIMEOUT_S = "bench.timeoutS";

    /** Sampling temperature. Canonical 0.1. */
    public static final String TEMPERATURE = "bench.temperature";

    /** Context window in tokens (Ollama native only). Canonical 4096. */
    public static final String NUM_CTX = "bench.numCtx";

    /** Most tokens to generate. Canonical 2048. */
    public static final String NUM_PREDICT = "bench.numPredict";

    /** Retries of a retryable failed call (connection, timeout, 5xx, 429). Default 2. */
    public static final String RETRIES = "bench.retries";

    /** Concurrent requests per endpoint. Default 1; when unset, a selected parallel phase uses its suite's {@code lanes}. */
    public static final String LANES = "bench.lanes";

    /** Pass mark of a question, 0-100, unless the question sets {@code pass_score}. Default 70. */
    public static final String PASS_SCORE = "bench.passScore";

    /** Quality gate: the build fails when the run's weighted total is below this (0-100). Default none. */
    public static final String MIN_SCORE = "bench.minScore";

    /** Contributor handle: the run folder goes to {@code submissions/<handle>/<device>/run-<uuid>/}. */
    public static final String HANDLE = "bench.handle";

    /** Device tag used in the submission folder name. Default {@code unknown-device}. */
    public static final String DEVICE = "bench.device";

    /** Cell id prefix {@code <node-tag>:<engine>} recorded with every run. */
    public static final String CELL_ID_PREFIX = "bench.cellIdPrefix";

    /** Folder that holds run folders when no handle is set. Default {@code target/bench-runs}. */
    public static final String OUT = "bench.out";

    /** Run id to resume: questions already scored in that run's ledger are skipped. */
    public static final String RUN_ID = "bench.runId";

    /** With {@link #RUN_ID}: re-run only the questions whose last outcome was a call error. */
    public static final String RETRY_ERRORS = "bench.retryErrors";

    /**
     * Path of a run.jsonl whose saved outputs answer the questions, re-scored by today's scorers, with no
     * network. Implies provider {@code replay}; the models default to the ledger's.
     */
    public static final String REPLAY = "bench.replay";

    /** Strict-JSON answer envelope for generated tasks. Default true. */
    public static final String STRICT_JSON = "bench.strictJson";

    /** Extra attempts with a stricter instruction after a parse failure. Default 1. */
    public static final String RETRY_ON_PARSE_FAIL = "bench.retryOnParseFail";

    /** System message sent before each prompt. Default none. */
    public static final String SYSTEM_PROMPT = "bench.systemPrompt";

    /** Cap on a response body in bytes. Default 8 MiB. */
    public static final String MAX_BODY_BYTES = "bench.maxBodyBytes";

    /**
     * A file the engine writes the run folder's path into when the run ends; the Maven quality gate reads it, so
     * the gate judges the run of its own invocation. Default none.
     */
    public static final String RUN_POINTER = "bench.runPointer";

    /** Prefix of the engine's own parallel-execution keys, e.g. {@code llm-bench.execution.parallel.enabled}. */
    public static final String PARALLEL_PREFIX = "llm-bench.execution.parallel.";

    /** Whether questions run concurrently through the engine's fork-join executor. Default false. */
    public static final String PARALLEL_ENABLED = PARALLEL_PREFIX + "enabled";

    /** Prefix of the executor's strategy keys ({@code strategy}, {@code fixed.parallelism}, ...). */
    public static final String PARALLEL_CONFIG_PREFIX = PARALLEL_PREFIX + "config.";

    /** Canonical generation options; deviations are recorded in the manifest. */
    public static final double CANONICAL_TEMPERATURE = 0.1;
    /** Canonical context window. */
    public static final int CANONICAL_NUM_CTX = 4096;
    /** Canonical generation limit. */
    public static final int CANONICAL_NUM_PREDICT = 2048;

    private Constants() {
    }
}
