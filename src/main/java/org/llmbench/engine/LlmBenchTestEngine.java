package org.llmbench.engine;

import java.util.Optional;
import java.util.function.Function;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.BenchKeys;
import org.llmbench.config.ConfigLoader;
import org.llmbench.config.ConfigProblem;
import org.llmbench.config.Provider;
import org.llmbench.config.Constants;
import org.llmbench.config.ParallelKeys;
import org.llmbench.config.TerminalText;
import org.llmbench.model.ModelClient;
import org.llmbench.model.ModelClients;
import org.llmbench.scoring.QuestionScorer;
import org.llmbench.scoring.SyntaxChecker;

/** The llm-bench JUnit Platform engine: benchmark questions are tests, model calls their execution, scorers their assertions. */
public final class LlmBenchTestEngine extends HierarchicalTestEngine<BenchExecutionContext> {

    private final Function<BenchConfig, ModelClient> clients;
    private final BenchConsole console;
    private final RunRecorder observer;

    /** The engine as ServiceLoader creates it, with the clients of the configured provider. */
    public LlmBenchTestEngine() {
        this(ModelClients::create);
    }

    /** Tests inject a client factory (fake servers, counting clients). */
    LlmBenchTestEngine(Function<BenchConfig, ModelClient> clients) {
        this(clients, BenchConsole.STANDARD);
    }

    /** The engine's collaborators: where model clients come from, and where the lines for the user go. */
    LlmBenchTestEngine(Function<BenchConfig, ModelClient> clients, BenchConsole console) {
        this(clients, console, RunRecorder.NONE);
    }

    /** As above, with a recorder that hears every run's events after the run's own recorders (tests listen with it). */
    LlmBenchTestEngine(Function<BenchConfig, ModelClient> clients, BenchConsole console, RunRecorder observer) {
        this.clients = clients;
        this.console = console;
        this.observer = observer;
    }

    @Override
    public String getId() {
        return Constants.ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("org.llmbench");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("llm-bench");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        ConfigurationParameters parameters = request.getConfigurationParameters();
        DiscoveryIssueReporter forwarding = DiscoveryIssueReporter.forwarding(request.getDiscoveryListener(), uniqueId);
        // Issues quote suite files and servers (a question id, a model name): JUnit logs them to the terminal as they are.
        DiscoveryIssueReporter issues = WarnOnce.filter(parameters, DiscoveryIssueReporter.deduplicating(
                issue -> forwarding.reportIssue(issue.withMessage(TerminalText::escapeKeepingLines))));
        ConfigLoader.Result loaded = ConfigLoader.load(parameters::get);
        ServerPreflight.Checked checked = loaded.hasFatalProblems() ? new ServerPreflight.Checked(loaded.config(), null)
                : ServerPreflight.check(loaded.config(), clients, issues);
        BenchConfig config = checked.config();
        BenchEngineDescriptor engine = new BenchEngineDescriptor(uniqueId, config, config.parallelEnabled(), observer);
        engine.listing(checked.listing());
        for (ConfigProblem problem : loaded.problems()) {
            issues.reportIssue(DiscoveryIssue.builder(problem.fatal() ? DiscoveryIssue.Severity.ERROR
                    : DiscoveryIssue.Severity.WARNING, problem.toString()));
        }
        reportUnknownKeys(parameters, issues);
        if (loaded.hasFatalProblems() || !ResumedRun.exists(config, issues) || !BaselineGate.readable(config, issues)) {
            return engine;
        }
        DiscoveryScope scope = new DiscoveryScope(config, new SuiteCatalog(config, issues), uniqueId);
        EngineDiscoveryRequestResolver.<BenchEngineDescriptor>builder()
                .addSelectorResolver(new EntryClassResolver(scope))
                .addSelectorResolver(new SuiteFileResolver(scope))
                .addSelectorResolver(new TaskResolver(scope))
                .addSelectorResolver(new ToolResolver(scope))
                .addSelectorResolver(new UniqueIdResolver(scope))
                .build()
                .resolve(request, engine, issues);
        QuestionFilter.apply(engine, config.questionFilter());
        ShardFilter.apply(engine, config.shard()).ifPresent(engine::sharded);
        engine.settle(LaneExecution.clientConfig(config, engine));
        return engine;
    }

    /**
     * A typo in a bench.* key would otherwise be silently ignored: warn, naming the nearest key. The names are
     * the configuration parameters (CLI flags, -D, junit-platform.properties) and the system properties.
     */
    private static void reportUnknownKeys(ConfigurationParameters parameters, DiscoveryIssueReporter issues) {
        java.util.Set<String> names = new java.util.HashSet<>(parameters.keySet());
        names.addAll(System.getProperties().stringPropertyNames());
        BenchKeys.unknown(names).forEach(problem ->
                issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, problem.toString())));
    }

    @Override
    protected HierarchicalTestExecutorService createExecutorService(ExecutionRequest request) {
        ConfigurationParameters parameters = request.getConfigurationParameters();
        var lanes = LaneExecution.executor(request.getRootTestDescriptor(), parameters);
        if (lanes.isPresent()) {
            return lanes.get();
        }
        if (ParallelKeys.enabled(parameters::get)) {
            return new ForkJoinPoolHierarchicalTestExecutorService(new ParallelParameters(parameters));
        }
        return super.createExecutorService(request);
    }

    @Override
    protected BenchExecutionContext createExecutionContext(ExecutionRequest request) {
        BenchConfig config = ((BenchEngineDescriptor) request.getRootTestDescriptor()).config();
        ConfigurationParameters parameters = request.getConfigurationParameters();
        // Only a server can go away: replayed connection errors must replay as they were recorded.
        boolean server = config.provider() == Provider.OLLAMA || config.provider() == Provider.OPENAI;
        ModelClient client = ConnectionBreaker.around(clients.apply(config), server ? config.maxConnectionFailures() : 0,
                config.url());
        return new BenchExecutionContext(config, client, new QuestionScorer(new SyntaxChecker(true), org.llmbench.tasks.SuiteCodeJudge.forRun(config.unisolatedSandbox())),
                request.getEngineExecutionListener(),
                parameters.getBoolean(org.llmbench.config.Constants.QUIET_CONSOLE).orElse(false) ? BenchConsole.NONE : console);
    }
}
