package org.llmbench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.llmbench.config.BenchConfig;
import org.llmbench.ledger.PlannedRun;
import org.llmbench.ledger.RunLedger;
import org.llmbench.report.RunSummary;
import org.llmbench.tasks.CodeRunner;

/**
 * The root of the tree. It holds the run's settings, built once in discovery (with {@code auto} expanded and the
 * client's lanes raised to those of the selected parallel phases), and owns the run: it opens the ledger when its
 * execution begins, hands it to every node through the execution context, and finishes it when execution ends.
 */
final class BenchEngineDescriptor extends EngineDescriptor implements BenchNode {

    private BenchConfig config;
    private final boolean concurrentQuestions;
    private ShardFilter.Sharded sharded;
    private Map<String, Map<String, Object>> listing;

    BenchEngineDescriptor(UniqueId uniqueId, BenchConfig config) {
        this(uniqueId, config, false);
    }

    /** @param concurrentQuestions whether the user switched on parallel execution for every suite's questions */
    BenchEngineDescriptor(UniqueId uniqueId, BenchConfig config, boolean concurrentQuestions) {
        super(uniqueId, "llm-bench");
        this.config = config;
        this.concurrentQuestions = concurrentQuestions;
    }

    BenchConfig config() {
        return config;
    }

    /** Called once, at the end of discovery, when the tree shows what the client must allow (lanes). */
    void settle(BenchConfig resolved) {
        this.config = resolved;
    }

    /** Called in discovery when {@code bench.shard} cut the tree to one part of the run. */
    /** What the server said of its models at the pre-flight check (null when not asked): recorded, not asked again. */
    void listing(Map<String, Map<String, Object>> details) {
        this.listing = details;
    }

    void sharded(ShardFilter.Sharded part) {
        this.sharded = part;
    }

    boolean concurrentQuestions() {
        return concurrentQuestions;
    }

    /**
     * How a question or task runs: concurrently only when the user switched parallel execution on; a parallel
     * phase's own lanes are the exception and say so themselves, so other phases never skew their figures.
     */
    static ExecutionMode itemMode(TestDescriptor item) {
        TestDescriptor root = item;
        while (root.getParent().isPresent()) {
            root = root.getParent().get();
        }
        return root instanceof BenchEngineDescriptor engine && engine.concurrentQuestions()
                ? ExecutionMode.CONCURRENT : ExecutionMode.SAME_THREAD;
    }

    /** A selection that holds no test makes no run folder: nothing ran, and the quality gate says so. */
    @Override
    public BenchExecutionContext before(BenchExecutionContext context) throws IOException {
        // A shard that drew no test still records its (empty) part: the merge must see every shard.
        if (sharded == null && getDescendants().stream().noneMatch(d -> d.isTest() || d.mayRegisterTests())) {
            System.out.println("[llm-bench] nothing selected: no run recorded");
            return context;
        }
        // The JIT compiles in the background while the model generates; at nice 19 it waits for idle CPU instead
        // (20 calls against llama-server: the server's tokens/s during the run rose by about a sixth).
        YieldingThreads.lowerCompilerThreadsInBackground();
        RunLedger ledger = RunLedger.open(plan());
        if (ledger.resumed()) {
            System.out.println("[llm-bench] resuming run " + ledger.runId() + ": skipped " + ledger.scoredBeforeCount()
                    + " already scored");
        }
        context.listener().reportingEntryPublished(this, ReportEntry.from(Map.of(
                RunLedger.FOLDER_ENTRY, ledger.folder().toAbsolutePath().toString(),
                RunLedger.RESUME_ENTRY, ledger.resumeCommands(),
                RunLedger.PLANNED_ENTRY, String.valueOf(ledger.plan().testsPlanned()))));
        AllureRecorder.newRun(RunEnvironment.of(ledger), context.config().out());
        ModelDetails.record(context.client(), listing, ledger.plan().models(), ledger);
        return context.withLedger(ledger);
    }

    @Override
    public void after(BenchExecutionContext context) throws IOException {
        RunLedger ledger = context.ledger();
        try (ledger; var client = context.client()) {
            if (ledger == null) {
                return;
            }
            RunSummary summary = ledger.finish();
            Path runPointer = config.runPointer();
            if (runPointer != null) {
                // The Maven quality gate reads this file: the run of this very invocation, never an older one.
                Files.createDirectories(runPointer.toAbsolutePath().getParent());
                Files.writeString(runPointer, ledger.folder().toAbsolutePath() + "\n");
            }
            System.out.printf(java.util.Locale.ROOT, "[llm-bench] run %s: %d scored, %s%n", ledger.runId(),
                    summary.scored(), summary.totalsLine());
        }
    }

    /** The engine's own end is not a test outcome, and the ledger is closed by then. */
    @Override
    public void nodeFinished(BenchExecutionContext context, TestDescriptor descriptor, TestExecutionResult result) {
    }

    /** What this run will record as planned: the models, suites and lanes of the tree as discovered. */
    PlannedRun plan() {
        Set<String> models = new LinkedHashSet<>();
        Set<String> suites = new LinkedHashSet<>();
        Map<String, PlannedRun.PhaseLanes> lanes = new LinkedHashMap<>();
        Map<String, List<String>> sandboxLayers = new LinkedHashMap<>();
        long tests = 0;
        long atRunTime = 0;
        for (TestDescriptor d : getDescendants()) {
            if (d instanceof ModelDescriptor model) {
                models.addAll(org.llmbench.config.ModelGroup.parse(model.model()).models());
            }
            d.getUniqueId().getSegments().stream().filter(s -> s.getType().equals(SuiteDescriptor.SEGMENT))
                    .forEach(s -> suites.add(s.getValue()));
            if (d instanceof LaneSuiteDescriptor phase) {
                lanes.put(phase.suite().id(), new PlannedRun.PhaseLanes(phase.lanes(), phase.lanesSource()));
            } else if (d.getUniqueId().getLastSegment().getType().equals(SuiteDescriptor.SEGMENT)) {
                lanes.putIfAbsent(d.getUniqueId().getLastSegment().getValue(), new PlannedRun.PhaseLanes(1, "one question at a time"));
            }
            if (d instanceof AppendConversationDescriptor conversation) {
                atRunTime += conversation.turnsAtMost();
            }
            if (d instanceof TaskDescriptor task && !sandboxLayers.containsKey(task.task().id())) {
                Optional.ofNullable(CodeRunner.layers(task.task(), config.unisolatedSandbox())).ifPresent(l -> sandboxLayers.put(task.task().id(), l));
            }
            tests += d.isTest() ? 1 : 0;
        }
        String runId = config.runId() != null ? config.runId() : UUID.randomUUID().toString();
        PlannedRun.ShardPlan shard = sharded == null ? null : new PlannedRun.ShardPlan(config.shard(), config.runGroup(),
                sharded.unitIds(), sharded.wholeRunUnitIds());
        return new PlannedRun(config, runId, List.copyOf(models), List.copyOf(suites), lanes, tests + atRunTime, sandboxLayers,
                shard, atRunTime);
    }
}
