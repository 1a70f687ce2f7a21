package org.llmbench.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The keys of the model server and of each call made to it: which models, where, how long, how often, how much.
 *
 * <p>Declared here, named for every caller in {@link BenchKeys}, which lists them in the table's order.
 */
final class ModelKeys {

    /** Models, each its own container. */
    static final Key<List<String>> MODEL = KeyTypes.list("bench.model")
            .byDefault(r -> r.get(BenchKeys.REPLAY) == null ? List.of("mock")
                    : KeyTypes.split(ReplayDefaults.models(Path.of(r.get(BenchKeys.REPLAY)))), "`mock`")
            .alsoFlags("--models").label("MODELS").file("/model/model_name")
            .meaning("comma-separated models, each its own container; `auto` = the models the server lists; `mock`, "
                    + "`mock:junk`, `mock:failing`, `mock:slow[:ms]` (a reference answer after ms milliseconds, 200 by default), `mock:flaky[:pct]` (junk to a seeded pct % of the prompts, 20 by default) are built in; with `bench.replay`, default the ledger's models");

    /** The kind of server. */
    static final Key<Provider> PROVIDER = KeyTypes.provider("bench.provider")
            .inferred(r -> Provider.inferred(r.get(BenchKeys.MODEL), r.get(BenchKeys.REPLAY) != null, r.given(BenchKeys.URL)),
                    "inferred")
            .file("/model/provider")
            .meaning("`ollama`, `openai` (`openai_compatible` in the config file), `mock`, `replay`, `gguf` (in process); "
                    + "inferred: `bench.replay` set → `replay`, mock models → `mock`, a URL given → a server (`openai` "
                    + "when it has `/v1`, else `ollama`; a `.gguf` name is then the server's model id), `.gguf` files "
                    + "with no URL → `gguf`, else `ollama`");

    /** The server's base URL (a trailing slash is dropped). */
    static final Key<String> URL = KeyTypes.text("bench.url")
            .byDefault(r -> r.get(BenchKeys.PROVIDER) == Provider.OPENAI ? "http://127.0.0.1:1234/v1" : "http://127.0.0.1:11434",
                    "`http://127.0.0.1:11434` (ollama), `http://127.0.0.1:1234/v1` (openai)")
            .normalised(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
            .alsoFlags("--target-url").label("URL").file("/model/base_url")
            .meaning("server base URL; a comma list `URL1,URL2` of servers of one provider spreads the lanes over them "
                    + "(a server that stops answering loses its calls to the others)");

    /** The environment variable that holds the API key. */
    static final Key<String> API_KEY_ENV = KeyTypes.text("bench.apiKeyEnv")
            .label("VAR").file("/model/api_key_env")
            .meaning("name of the environment variable that holds the API key; the key is never written anywhere");

    /** Per-call timeout. */
    static final Key<Integer> TIMEOUT_S = KeyTypes.integer("bench.timeoutS", 1, 86_400)
            .byDefault(360).alsoFlags("--timeout").label("SECONDS").file("/model/timeout_s")
            .meaning("per-call timeout, seconds, from send to the last byte of each attempt (connect timeout: the same, at most 30 s)");

    /** Sampling temperature. */
    static final Key<Double> TEMPERATURE = KeyTypes.decimal("bench.temperature", 0, 2)
            .byDefault(Constants.CANONICAL_TEMPERATURE).label("T").file("/model/temperature")
            .meaning("sampling temperature (canonical; a deviation goes to `manifest.json` `canonical_options_overrides`)");

    /** Context window. */
    static final Key<Integer> NUM_CTX = KeyTypes.integer("bench.numCtx", 1, 10_000_000)
            .byDefault(Constants.CANONICAL_NUM_CTX).label("TOKENS").file("/model/num_ctx")
            .meaning("context window in tokens, Ollama only (canonical; a deviation is recorded)");

    /** Generation limit. */
    static final Key<Integer> NUM_PREDICT = KeyTypes.integer("bench.numPredict", 1, 10_000_000)
            .byDefault(Constants.CANONICAL_NUM_PREDICT).label("TOKENS").file("/model/max_tokens")
            .meaning("most tokens to generate (canonical; a deviation is recorded)");

    /** Retries of a failed call. */
    static final Key<Integer> RETRIES = KeyTypes.integer("bench.retries", 0, 20)
            .byDefault(2)
            .meaning("retries of a retryable failed call (connection, timeout, 5xx, 429)");

    /** Concurrent requests per endpoint. */
    static final Key<Integer> LANES = KeyTypes.integer("bench.lanes", 1, 256)
            .byDefault(1).defaultDoc("`1` (parallel phases: the suite's `lanes`)")
            .meaning("concurrent requests per endpoint; when unset and a parallel phase is selected, the phase's lanes (the client is told too)");

    /** System message. */
    static final Key<String> SYSTEM_PROMPT = KeyTypes.text("bench.systemPrompt")
            .meaning("system message sent before each prompt");

    /** Response body cap. */
    static final Key<Long> MAX_BODY_BYTES = KeyTypes.whole("bench.maxBodyBytes", 1024, Integer.MAX_VALUE)
            .byDefault(8L * 1024 * 1024)
            .meaning("cap on a response body, bytes");

    /** Whether discovery first checks that the server answers and lists every requested model. */
    static final Key<Boolean> PREFLIGHT = KeyTypes.bool("bench.preflight")
            .byDefault(true)
            .meaning("before anything runs, check within a few seconds that the server answers and lists every requested "
                    + "model; otherwise stop with the URL, what it lists and the fix (`false` for servers that cannot list models)");

    /** After how many calls in a row that cannot connect the rest of the run is aborted at once. */
    static final Key<Integer> MAX_CONNECTION_FAILURES = KeyTypes.integer("bench.maxConnectionFailures", 0, 1_000_000)
            .byDefault(3)
            .meaning("calls in a row that fail to connect before the remaining questions are aborted at once, naming the "
                    + "server (one call every 5 s still tries it, and a success resumes normal calls); `0` never aborts");

    private ModelKeys() {
    }
}
