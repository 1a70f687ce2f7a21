package org.llmbench.config;

import java.util.List;

/**
 * The keys of what a run asks and how it runs: phases, suites, seeds, resuming, replaying, shards, samples, footprint.
 *
 * <p>Declared here, named for every caller in {@link BenchKeys}, which lists them in the table's order.
 */
final class RunKeys {

    /** The JSON config file; read from parameters only. */
    static final Key<String> CONFIG = KeyTypes.text("bench.config")
            .label("FILE")
            .meaning("JSON config file; its values rank below parameters (its shape follows this table, docs/CONFIGURATION.md)");

    /** Phases to run. */
    static final Key<List<String>> PHASES = KeyTypes.list("bench.phases")
            .byDefault(List.of("hello", "5q", "20q", "tasks"))
            .meaning("phases (suite ids) to run, or `all` (see Phases in docs/CONFIGURATION.md)");

    /** Where suites are looked up. */
    static final Key<List<String>> SUITES = KeyTypes.list("bench.suites")
            .byDefault(List.of("suites")).label("DIRS")
            .meaning("where suites named in a unique id are looked up (then `suites/` on the classpath)");

    /** Question filters. */
    static final Key<List<String>> QUESTION = KeyTypes.list("bench.question")
            .byDefault(List.of()).defaultDoc("none")
            .meaning("`suite/questionId` comma list: run only these");

    /** Seed of generated tasks and the mock. */
    static final Key<Long> SEED = KeyTypes.whole("bench.seed", Long.MIN_VALUE, Long.MAX_VALUE)
            .byDefault(42L)
            .meaning("seed of generated tasks and of the mock");

    /** Cap on generated tasks per kind. */
    static final Key<Integer> MAX_TASKS = KeyTypes.integer("bench.maxTasks", 0, 1_000_000)
            .byDefault(0).defaultDoc("`0` (all)")
            .meaning("cap on generated tasks per kind");

    /** The run to resume. */
    static final Key<String> RUN_ID = KeyTypes.text("bench.runId")
            .defaultDoc("new uuid").label("UUID")
            .meaning("resume that run: questions already scored are skipped");

    /** Re-run only failed calls. */
    static final Key<Boolean> RETRY_ERRORS = KeyTypes.bool("bench.retryErrors")
            .byDefault(false)
            .meaning("with `bench.runId`: re-run only questions whose last call failed");

    /** A ledger to answer from. */
    static final Key<String> REPLAY = KeyTypes.text("bench.replay")
            .label("RUN_JSONL").noFlag()
            .meaning("a `run.jsonl` whose saved outputs answer every question (no network), re-scored by today's "
                    + "scorers; models default to the ledger's (the `replay` command sets it)");

    /** The engine's fork-join executor for every suite. */
    static final Key<Boolean> PARALLEL_ENABLED = KeyTypes.bool(ParallelKeys.PREFIX + "enabled")
            .byDefault(false).noFlag().oldNames(ParallelKeys.OLD_PREFIX + "enabled")
            .meaning("run the questions of every suite concurrently (fork-join executor); parallel phases need no flag; "
                    + "old name `llm-bench.execution.parallel.enabled`");

    /** This process's part of a run split across machines. */
    static final Key<Shard> SHARD = KeyTypes.shard("bench.shard")
            .defaultDoc("none (the whole run)")
            .meaning("run part `i` of `n` of the tests (by a stable hash of each unit id; an append conversation, a parallel "
                    + "or whole-suite phase stays whole); `report merge` joins the n run folders into one");

    /** The id the shards of one run share. */
    static final Key<String> RUN_GROUP = KeyTypes.text("bench.runGroup")
            .defaultDoc("derived from the settings").label("ID")
            .meaning("the id shared by the shards of one run, recorded in each manifest and checked by `report merge`; "
                    + "by default `cfg-` and the first 12 hex digits of the config hash");

    /** Samples per question (issue 18: sampling with pass@k). */
    static final Key<Integer> SAMPLES = KeyTypes.integer("bench.samples", 1, 1000)
            .byDefault(1).label("N")
            .meaning("ask each question and generated task N times (seeds `bench.seed` + 0 .. N-1, the run's temperature); each call is "
                    + "recorded with its sample index, the question scores the mean, and pass@k (k ≤ N) goes to the score "
                    + "event and results.json");

    /** Whether the run samples the model's memory and the machine's energy (issue 30). */
    static final Key<String> FOOTPRINT = KeyTypes.choice("bench.footprint", "auto", "on", "off")
            .byDefault("auto")
            .meaning("sample each model's memory (at load and peak) and the machine's energy (RAPL, nvidia-smi) on one "
                    + "low-priority thread, recorded as `footprint` events with each figure's source or why it has none; "
                    + "`auto`: for every provider but mock and replay");

    /** How often the footprint sampler reads its sources. */
    static final Key<Integer> FOOTPRINT_PERIOD_MS = KeyTypes.integer("bench.footprintPeriodMs", 100, 60_000)
            .byDefault(1000).label("MS")
            .meaning("the footprint sampler's period (nvidia-smi is asked every 5th period); see docs/PERFORMANCE.md for its cost");

    private RunKeys() {
    }
}
