package org.llmbench.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.llmbench.config.Constants;
import picocli.CommandLine.Option;

/**
 * The flags that mirror the {@code bench.*} keys: {@code --num-ctx} is {@code bench.numCtx}. Values pass to the
 * engine as JUnit configuration parameters unchanged, so the engine's own validation names the key of a bad value.
 */
final class BenchOptions {

    @Option(names = "--model", paramLabel = "MODELS", description = "Comma-separated models; mock, mock:junk, mock:failing, mock:slow are built in (bench.model; default mock).")
    String model;

    @Option(names = "--provider", paramLabel = "NAME", description = "ollama, openai or mock (bench.provider; default inferred from model and URL).")
    String provider;

    @Option(names = "--url", paramLabel = "URL", description = "Server base URL (bench.url; default http://127.0.0.1:11434, or http://127.0.0.1:1234/v1 for openai).")
    String url;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "Environment variable that holds the API key; the key is never written (bench.apiKeyEnv).")
    String apiKeyEnv;

    @Option(names = "--config", paramLabel = "FILE", description = "JSON config file (bench.config).")
    String config;

    @Option(names = "--phases", paramLabel = "LIST", description = "Phases to run, or all (bench.phases; default hello,5q,20q,tasks).")
    String phases;

    @Option(names = "--suites", paramLabel = "DIRS", description = "Suite directories (bench.suites; default suites, then the suites inside the jar).")
    String suites;

    @Option(names = "--question", paramLabel = "LIST", description = "Only these questions, as suite/id, e.g. 5q/Q03 (bench.question).")
    String question;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of generated tasks and of the mock (bench.seed; default 42).")
    String seed;

    @Option(names = "--max-tasks", paramLabel = "N", description = "Cap on generated tasks per kind; 0 = all (bench.maxTasks).")
    String maxTasks;

    @Option(names = {"--timeout", "--timeout-s"}, paramLabel = "SECONDS", description = "Per-call timeout (bench.timeoutS; default 360).")
    String timeoutS;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature (bench.temperature; canonical 0.1).")
    String temperature;

    @Option(names = "--num-ctx", paramLabel = "TOKENS", description = "Context window, Ollama only (bench.numCtx; canonical 4096).")
    String numCtx;

    @Option(names = "--num-predict", paramLabel = "TOKENS", description = "Most tokens to generate (bench.numPredict; canonical 2048).")
    String numPredict;

    @Option(names = "--retries", paramLabel = "N", description = "Retries of a retryable failed call (bench.retries; default 2).")
    String retries;

    @Option(names = "--lanes", paramLabel = "N", description = "Concurrent requests per endpoint (bench.lanes; default 1).")
    String lanes;

    @Option(names = "--pass-score", paramLabel = "0-100", description = "Pass mark of a question (bench.passScore; default 70).")
    String passScore;

    @Option(names = "--min-score", paramLabel = "0-100", description = "Exit 1 when the weighted total is below this (bench.minScore).")
    String minScore;

    @Option(names = "--handle", paramLabel = "NAME", description = "Your contributor handle: the run goes to submissions/<handle>/<device>/run-<uuid>/ (bench.handle).")
    String handle;

    @Option(names = "--device", paramLabel = "TAG", description = "Device tag of the submission folder (bench.device).")
    String device;

    @Option(names = "--cell-id-prefix", paramLabel = "NODE:ENGINE", description = "Recorded in the manifest (bench.cellIdPrefix).")
    String cellIdPrefix;

    @Option(names = "--out", paramLabel = "DIR", description = "Where run folders go without a handle (bench.out; default target/bench-runs).")
    String out;

    @Option(names = "--run-id", paramLabel = "UUID", description = "Resume this run: questions already scored are skipped (bench.runId).")
    String runId;

    @Option(names = "--retry-errors", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true", description = "With --run-id: re-run only questions whose call failed (bench.retryErrors).")
    String retryErrors;

    @Option(names = "--system-prompt", paramLabel = "TEXT", description = "System message before each prompt (bench.systemPrompt).")
    String systemPrompt;

    @Option(names = "--strict-json", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true", description = "Strict-JSON envelope for generated tasks (bench.strictJson; default true).")
    String strictJson;

    @Option(names = "--retry-on-parse-fail", paramLabel = "N", description = "Extra attempts after a parse failure (bench.retryOnParseFail; default 1).")
    String retryOnParseFail;

    @Option(names = "--max-body-bytes", paramLabel = "N", description = "Cap on a response body (bench.maxBodyBytes).")
    String maxBodyBytes;

    @Option(names = {"-v", "--verbose"}, description = "Show every discovery message, every replayed test, and stack traces.")
    boolean verbose;

    @Option(names = "-D", paramLabel = "KEY=VALUE", description = "Any other configuration parameter, e.g. -D llm-bench.execution.parallel.enabled=true.")
    Map<String, String> extra = new LinkedHashMap<>();

    /** The configuration parameters these flags set; flags not given are absent, so defaults and the config file apply. */
    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>(extra);
        put(p, Constants.MODEL, model);
        put(p, Constants.PROVIDER, provider);
        put(p, Constants.URL, url);
        put(p, Constants.API_KEY_ENV, apiKeyEnv);
        put(p, Constants.CONFIG, config);
        put(p, Constants.PHASES, phases);
        put(p, Constants.SUITES, suites);
        put(p, Constants.QUESTION, question);
        put(p, Constants.SEED, seed);
        put(p, Constants.MAX_TASKS, maxTasks);
        put(p, Constants.TIMEOUT_S, timeoutS);
        put(p, Constants.TEMPERATURE, temperature);
        put(p, Constants.NUM_CTX, numCtx);
        put(p, Constants.NUM_PREDICT, numPredict);
        put(p, Constants.RETRIES, retries);
        put(p, Constants.LANES, lanes);
        put(p, Constants.PASS_SCORE, passScore);
        put(p, Constants.MIN_SCORE, minScore);
        put(p, Constants.HANDLE, handle);
        put(p, Constants.DEVICE, device);
        put(p, Constants.CELL_ID_PREFIX, cellIdPrefix);
        put(p, Constants.OUT, out);
        put(p, Constants.RUN_ID, runId);
        put(p, Constants.RETRY_ERRORS, retryErrors);
        put(p, Constants.SYSTEM_PROMPT, systemPrompt);
        put(p, Constants.STRICT_JSON, strictJson);
        put(p, Constants.RETRY_ON_PARSE_FAIL, retryOnParseFail);
        put(p, Constants.MAX_BODY_BYTES, maxBodyBytes);
        return p;
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null) {
            p.put(key, value);
        }
    }
}
