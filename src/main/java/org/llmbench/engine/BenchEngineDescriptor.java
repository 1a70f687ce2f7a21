package org.llmbench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.llmbench.config.Constants;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.PlannedRun;
import org.llmbench.footprint.FootprintSettings;
import org.llmbench.footprint.RunFootprint;
import org.llmbench.report.ReproduceCommand;
import org.llmbench.report.RunReports;
import org.llmbench.report.RunSummary;

/**
 * The root of the tree. It holds the run's settings, built once in discovery (with {@code auto} expanded and the
 * client's lanes raised to those of the selected parallel phases), and owns the run: when its execution begins it
 * opens the ledger and the run's recorders (the ledger's, the reporting entries', Allure's) and hands them to every
 * node through the execution context; when execution ends it closes the recorders and finishes the ledger.
 */
final class BenchEngineDescriptor extends EngineDescriptor implements BenchNode {

    private BenchConfig config;
    private final boolean concurrentQuestions;
    private ShardFilter.Sharded sharded;
    private Map<String, Map<String, Object>> listing;
    private final RunRecorder observer;

    /**
     * @param concurrentQuestions whether the user switched on parallel execution for every suite's questions
     * @param observer a recorder the engine adds to the run's own ({@link RunRecorder#NONE} but in tests)
     */
    BenchEngineDescriptor(UniqueId uniqueId, BenchConfig config, boolean concurrentQuestions, RunRecorder observer) {
        super(uniqueId, "llm-bench");
        this.config = config;
        this.concurrentQuestions = concurrentQuestions;
        this.observer = observer;
    }

    BenchConfig config() {
        return config;
    }

    /** Called once, at the end of discovery, when the tree shows what the client must allow (lanes). */
    void settle(BenchConfig resolved) {
        this.config = resolved;
    }

    /** What the server said of its models at the pre-flight check (null when not asked): recorded, not asked again. */
    void listing(Map<String, Map<String, Object>> details) {
        this.listing = details;
    }

    /** Called in discovery when {@code bench.shard} cut the tree to one part of the run. */
    void sharded(ShardFilter.Sharded part) {
        this.sharded = part;
    }

    boolean concurrentQuestions() {
        return concurrentQuestions;
    }

    /** A selection that holds no test makes no run folder: nothing ran, and the quality gate says so. */
    @Override
    public BenchExecutionContext before(BenchExecutionContext context) throws IOException {
        // A shard that drew no test still records its (empty) part: the merge must see every shard.
        if (sharded == null && getDescendants().stream().noneMatch(d -> d.isTest() || d.mayRegisterTests())) {
            context.console().line("[llm-bench] nothing selected: no run recorded");
            return context;
        }
        // The JIT compiles in the background while the model generates; at nice 19 it waits for idle CPU instead
        // (20 calls against llama-server: the server's tokens/s during the run rose by about a sixth).
        YieldingThreads.lowerCompilerThreadsInBackground();
        RunLedger ledger = RunLedger.open(plan(), context.console()::problem);
        if (ledger.resumed()) {
            context.console().line("[llm-bench] resuming run " + ledger.runId() + ": skipped " + ledger.scoredBeforeCount()
                    + " already scored");
        }
        context.listener().reportingEntryPublished(this, ReportEntry.from(Map.of(
                Constants.RUN_FOLDER_ENTRY, ledger.folder().toAbsolutePath().toString(),
                Constants.RESUME_ENTRY, ReproduceCommand.resume(config, ledger.runId()),
                Constants.PLANNED_ENTRY, String.valueOf(ledger.plan().testsPlanned()))));
        AllureRun allure = new AllureRun(context.config().out(), RunEnvironment.of(ledger), context.console());
        // Started before the models load, so the in-process provider's growth is measured from before its load.
        RunFootprint footprint = FootprintSettings.enabled(config)
                ? RunFootprint.start(FootprintSettings.of(config), YieldingThreads.named("llm-bench-footprint")) : null;
        Recording recording = new Recording(ledger.runId(), RunRecorder.all(List.of(new LedgerRecorder(ledger),
                new ReportEntryRecorder(context.listener(), this), allure, observer)), footprint);
        ModelDetails.record(context.client(), listing, ledger.plan().models(), recording);
        return context.withRun(ledger, recording, allure);
    }

    @Override
    public void after(BenchExecutionContext context) throws IOException {
        RunLedger ledger = context.ledger();
        try (ledger; var client = context.client()) {
            if (ledger == null) {
                return;
            }
            context.recording().close();
            // The record ends first (run_end carries the totals), then every report is written from it.
            long durationMs = ledger.durationMs();
            RunSummary summary = RunSummary.of(ledger.file());
            ledger.end(summary.runEnd(ledger.stamp(), durationMs, null));
            RunReports.write(ledger.folder(), ledger.plan(), summary, durationMs, context.console()::line,
                    context.console()::problem);
            Path runPointer = config.runPointer();
            if (runPointer != null) {
                // The Maven quality gate reads this file: the run of this very invocation, never an older one.
                Files.createDirectories(runPointer.toAbsolutePath().getParent());
                Files.writeString(runPointer, ledger.folder().toAbsolutePath() + "\n");
            }
            context.console().line(String.format(java.util.Locale.ROOT, "[llm-bench] run %s: %d scored, %s", ledger.runId(),
                    summary.scored(), summary.totalsLine()));
            context.listener().reportingEntryPublished(this, summaryEntry(summary));
            BaselineGate.show(ledger.folder(), ledger.plan().shard() != null, context.console());
        }
    }

    /** The summary the console shows at the end, as the engine read it from the ledger (a table is never blank). */
    private static ReportEntry summaryEntry(RunSummary summary) {
        String table = summary.table();
        return ReportEntry.from(Map.of(Constants.SUMMARY_ENTRY, table.isBlank() ? "(no test ran)\n" : table,
                Constants.TOTALS_ENTRY, summary.totalsLine()));
    }

    /** The engine's own end is not a test outcome, and the ledger is closed by then. */
    @Override
    public void nodeFinished(BenchExecutionContext context, TestDescriptor descriptor, TestExecutionResult result) {
    }

    /** What this run will record as planned: the models, suites and lanes of the tree as discovered. */
    PlannedRun plan() {
        PlannedRun.ShardPlan shard = sharded == null ? null : new PlannedRun.ShardPlan(config.shard(), config.runGroup(),
                sharded.unitIds(), sharded.wholeRunUnitIds());
        return RunPlanner.plan(this, config, shard);
    }
}
