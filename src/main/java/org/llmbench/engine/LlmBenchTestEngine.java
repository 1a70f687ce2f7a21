package org.llmbench.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.config.PrefixedConfigurationParameters;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.ConfigLoader;
import org.llmbench.config.ConfigProblem;
import org.llmbench.config.Constants;
import org.llmbench.model.ModelClient;
import org.llmbench.model.ModelClients;
import org.llmbench.scoring.QuestionScorer;
import org.llmbench.scoring.SyntaxChecker;

/** The llm-bench JUnit Platform engine: benchmark questions are tests, model calls their execution, scorers their assertions. */
public final class LlmBenchTestEngine extends HierarchicalTestEngine<BenchExecutionContext> {

    private static final Set<String> KNOWN_KEYS = Arrays.stream(Constants.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
            .map(LlmBenchTestEngine::constantValue)
            .filter(v -> v.startsWith("bench."))
            .collect(Collectors.toUnmodifiableSet());

    private final Function<BenchConfig, ModelClient> clients;

    /** The engine as ServiceLoader creates it, with the clients of the configured provider. */
    public LlmBenchTestEngine() {
        this(ModelClients::create);
    }

    /** Tests inject a client factory (fake servers, counting clients). */
    LlmBenchTestEngine(Function<BenchConfig, ModelClient> clients) {
        this.clients = clients;
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
        DiscoveryIssueReporter issues = DiscoveryIssueReporter.deduplicating(
                DiscoveryIssueReporter.forwarding(request.getDiscoveryListener(), uniqueId));
        ConfigurationParameters parameters = request.getConfigurationParameters();
        ConfigLoader.Result loaded = ConfigLoader.load(parameters::get);
        BenchConfig config = loaded.hasFatalProblems() ? loaded.config() : AutoModels.expand(loaded.config(), clients, issues);
        BenchEngineDescriptor engine = new BenchEngineDescriptor(uniqueId, config,
                parameters.getBoolean(Constants.PARALLEL_ENABLED).orElse(false),
                parameters.get(Constants.RUN_POINTER).filter(p -> !p.isBlank()).map(java.nio.file.Path::of).orElse(null));
        for (ConfigProblem problem : loaded.problems()) {
            issues.reportIssue(DiscoveryIssue.builder(problem.fatal() ? DiscoveryIssue.Severity.ERROR
                    : DiscoveryIssue.Severity.WARNING, problem.toString()));
        }
        reportUnknownKeys(issues);
        if (loaded.hasFatalProblems() || !ResumedRun.exists(config, issues)) {
            return engine;
        }
        DiscoveryScope scope = new DiscoveryScope(config, new SuiteCatalog(config, issues), uniqueId);
        EngineDiscoveryRequestResolver.<BenchEngineDescriptor>builder()
                .addSelectorResolver(new EntryClassResolver(scope))
                .addSelectorResolver(new SuiteFileResolver(scope))
                .addSelectorResolver(new TaskResolver(scope))
                .addSelectorResolver(new UniqueIdResolver(scope))
                .build()
                .resolve(request, engine, issues);
        QuestionFilter.apply(engine, config.questionFilter());
        engine.settle(LaneExecution.clientConfig(config, engine));
        return engine;
    }

    /** A typo in a -Dbench.* property would otherwise be silently ignored. */
    private static void reportUnknownKeys(DiscoveryIssueReporter issues) {
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("bench.") && !KNOWN_KEYS.contains(k))
                .sorted()
                .forEach(k -> issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING,
                        "unknown configuration key " + k + " (see org.llmbench.config.Constants or the README)")));
    }

    @Override
    protected HierarchicalTestExecutorService createExecutorService(ExecutionRequest request) {
        ConfigurationParameters parameters = request.getConfigurationParameters();
        var lanes = LaneExecution.executor(request.getRootTestDescriptor(), parameters);
        if (lanes.isPresent()) {
            return lanes.get();
        }
        if (parameters.getBoolean(Constants.PARALLEL_ENABLED).orElse(false)) {
            return new ForkJoinPoolHierarchicalTestExecutorService(
                    new PrefixedConfigurationParameters(parameters, Constants.PARALLEL_CONFIG_PREFIX));
        }
        return super.createExecutorService(request);
    }

    @Override
    protected BenchExecutionContext createExecutionContext(ExecutionRequest request) {
        BenchConfig config = ((BenchEngineDescriptor) request.getRootTestDescriptor()).config();
        return new BenchExecutionContext(config, clients.apply(config), new QuestionScorer(new SyntaxChecker(true)),
                request.getEngineExecutionListener(), null);
    }

    private static String constantValue(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
