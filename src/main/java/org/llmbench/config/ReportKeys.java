package org.llmbench.config;

import java.nio.file.Path;

/**
 * The keys of where a run is written and what judges it: folders, submission tags, quality and regression gates.
 *
 * <p>Declared here, named for every caller in {@link BenchKeys}, which lists them in the table's order.
 */
final class ReportKeys {

    /** Quality gate. */
    static final Key<Double> MIN_SCORE = KeyTypes.decimal("bench.minScore", 0, 100).blankIsNone()
            .label("0-100")
            .meaning("build quality gate on the weighted total (0-100): exit 1 / a failed build below it");

    /** The regression gate's baseline run (issue 28). */
    static final Key<Path> BASELINE = KeyTypes.path("bench.baseline").label("RUN")
            .meaning("regression gate: a baseline run folder (or its `run.jsonl` / `results.json`; the scores come from its "
                    + "ledger); every question is paired with the baseline's, per model, and the build fails (exit 1) only on "
                    + "a significant drop (McNemar's exact test, `bench.baselineAlpha`) or one larger than `bench.maxDrop`; "
                    + "other questions on either side are refused (exit 3). See Regression gate in docs/CONFIGURATION.md");

    /** The regression gate's significance level. */
    static final Key<Double> BASELINE_ALPHA = KeyTypes.decimal("bench.baselineAlpha", 0, 1)
            .byDefault(0.05).label("ALPHA")
            .meaning("regression gate: a drop fails when McNemar's exact two-sided p-value on the pass/fail flips is below "
                    + "this (the bootstrap interval shown is at 1 - alpha)");

    /** The regression gate's tolerance in points. */
    static final Key<Double> MAX_DROP = KeyTypes.decimal("bench.maxDrop", 0, 100).blankIsNone()
            .label("POINTS")
            .meaning("regression gate: a model's weighted score may fall this many points (0-100 scale) below the baseline's "
                    + "over the paired questions; a larger fall fails even when not significant; unset: only significance fails");

    /** Which baseline model a run's model is held to. */
    static final Key<String> BASELINE_MODEL = KeyTypes.text("bench.baselineModel")
            .label("NEW=OLD")
            .meaning("regression gate: `NEW=OLD,...` holds the run's model NEW to the baseline's model OLD (a model change); "
                    + "a single `OLD` for a run of one model; by default models pair by name, or the one model of each run "
                    + "with the other's");

    /** Contributor handle. */
    static final Key<String> HANDLE = KeyTypes.text("bench.handle")
            .alsoFlags("--submitter-handle").label("NAME")
            .meaning("contributor handle: write the run to `submissions/<handle>/<device>/run-<uuid>/`");

    /** Device tag. */
    static final Key<String> DEVICE = KeyTypes.text("bench.device")
            .byDefault("unknown-device").alsoFlags("--device-tag").label("TAG")
            .meaning("device tag of the submission folder");

    /** Cell id prefix. */
    static final Key<String> CELL_ID_PREFIX = KeyTypes.text("bench.cellIdPrefix")
            .label("NODE:ENGINE")
            .meaning("`<node-tag>:<engine>`, recorded in the manifest");

    /** Where run folders go. */
    static final Key<Path> OUT = KeyTypes.path("bench.out")
            .byDefault(Path.of("target/bench-runs")).alsoFlags("--out-dir")
            .meaning("where run folders go when no handle is set; for `run`, a path ending in `.json` is where "
                    + "results.json is copied (the run folder then goes to the default)");

    /** Where the engine writes the run folder's path at the end of a run, for the Maven quality gate. */
    static final Key<Path> RUN_POINTER = KeyTypes.path("bench.runPointer")
            .label("FILE").noFlag()
            .meaning("a file the engine writes the run folder's path into when the run ends; the Maven quality gate "
                    + "reads it, so the gate judges the run of its own invocation (the `bench` profile sets it)");

    /** Whether each test's figures are printed on standard output, where Surefire's XML keeps them. */
    static final Key<String> REPORT_ENTRIES = KeyTypes.text("bench.reportEntries")
            .byDefault("none").label("stdout|none").noFlag()
            .meaning("`stdout` prints each test's reporting entry (score, latency, tokens) as one JSON line, which "
                    + "Surefire keeps as the test's `<system-out>` (the `bench` profile sets it); `none` does not");

    private ReportKeys() {
    }
}
