package org.llmbench.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine id, the canonical generation options and the keys of the reporting entries the engine publishes.
 *
 * <p>The configuration keys are not repeated here: each is declared once, in {@link BenchKeys}, and code that
 * passes or looks up a key by name writes {@code BenchKeys.MODEL.name()}. Keys are read as JUnit configuration
 * parameters, which fall back to JVM system properties ({@code -Dbench.model=...}) and
 * {@code junit-platform.properties}; then the JSON file named by {@link BenchKeys#CONFIG}; then the declared defaults.
 */
public final class Constants {

    /** Engine id used in unique ids, Surefire's engine include/exclude lists and the console launcher. */
    public static final String ENGINE_ID = "llm-bench";

    /** Canonical generation options; deviations are recorded in the manifest. */
    public static final double CANONICAL_TEMPERATURE = 0.1;
    /** Canonical context window. */
    public static final int CANONICAL_NUM_CTX = 4096;
    /** Canonical generation limit. */
    public static final int CANONICAL_NUM_PREDICT = 2048;

    /** The canonical generation options that these values change, as option name to value. */
    static Map<String, Object> canonicalOverrides(double temperature, int numCtx, int numPredict) {
        var overrides = new LinkedHashMap<String, Object>();
        if (temperature != CANONICAL_TEMPERATURE) {
            overrides.put("temperature", temperature);
        }
        if (numCtx != CANONICAL_NUM_CTX) {
            overrides.put("num_ctx", numCtx);
        }
        if (numPredict != CANONICAL_NUM_PREDICT) {
            overrides.put("num_predict", numPredict);
        }
        return overrides;
    }

    /**
     * Launch parameter ({@code true}) that silences the engine's own lines: a run that is part of another command's
     * output (check-submission's re-scoring) shows its findings, not a run the user never started. Not a user setting.
     */
    public static final String QUIET_CONSOLE = "llm-bench.console.quiet";

    /** Key of the reporting entry, on the engine's descriptor, that names the run folder (console, CLI). */
    public static final String RUN_FOLDER_ENTRY = "llm-bench.run_folder";

    /** Key of the reporting entry, beside {@link #RUN_FOLDER_ENTRY}, with the commands that resume this run. */
    public static final String RESUME_ENTRY = "llm-bench.resume";

    /** Key of the reporting entry, beside {@link #RUN_FOLDER_ENTRY}, with the tests planned, turns added at run time included. */
    public static final String PLANNED_ENTRY = "llm-bench.tests_planned";

    /**
     * Key of the reporting entry, on the engine's descriptor once the run's files are written, with the summary table
     * the console prints: the engine read it from the ledger, so the console need not read the ledger again.
     */
    public static final String SUMMARY_ENTRY = "llm-bench.summary";

    /** Key of the reporting entry, beside {@link #SUMMARY_ENTRY}, with the run's weighted total line. */
    public static final String TOTALS_ENTRY = "llm-bench.totals";

    private Constants() {
    }
}
