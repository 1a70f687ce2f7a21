package org.llmbench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.ConfigLoader;
import org.llmbench.config.ConfigProblem;
import org.llmbench.config.Constants;

/**
 * Drives the llm-bench engine through the JUnit Launcher API, as Maven and IDEs do, so the CLI and a
 * Maven run produce the same run folder. It passes the parameters and selects {@link CommandLineBenchmark};
 * the engine resolves its models and expands each to the suites of
 * {@code bench.suites} (the {@code suites} directory, else the suites inside the jar) in the phases of
 * {@code bench.phases}. The CLI never reads the configuration of a run itself.
 */
final class BenchLaunch {

    /** What discovery found, and what it complained about. */
    record Discovered(TestPlan plan, List<DiscoveryIssue> issues, long tests) {
    }

    private final Map<String, String> parameters;
    private final Launcher launcher;

    /** A launch that discovers and executes: execution listeners (console, Allure) are found by ServiceLoader. */
    BenchLaunch(Map<String, String> parameters) {
        this(parameters, true);
    }

    /**
     * @param executes false for a launch that only discovers ({@code list}): it skips loading the execution
     *                 listeners and Allure's test-plan filter, whose start-up (its own shaded Jackson) is a
     *                 quarter of the CLI's start-up time
     */
    BenchLaunch(Map<String, String> parameters, boolean executes) {
        this.parameters = Map.copyOf(parameters);
        LauncherProperties.apply(parameters);
        this.launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(executes)
                .enablePostDiscoveryFilterAutoRegistration(executes).build());
    }

    /**
     * The configuration of these parameters; stops before any discovery when it is unusable, naming each key,
     * its source and the reason (the engine would report the same, but only as a failed container).
     */
    static BenchConfig requireUsableConfig(Map<String, String> parameters) {
        ConfigLoader.Result loaded = load(parameters);
        if (loaded.hasFatalProblems()) {
            List<String> lines = loaded.problems().stream().filter(ConfigProblem::fatal).map(ConfigProblem::toString).toList();
            throw new CliException(ExitCodes.INPUT, "the configuration cannot be used:\n  " + String.join("\n  ", lines));
        }
        return loaded.config();
    }

    /** The configuration as the engine will read it: these parameters, then system properties, the file, defaults. */
    static ConfigLoader.Result load(Map<String, String> parameters) {
        return ConfigLoader.load(key -> java.util.Optional.ofNullable(parameters.get(key))
                .or(() -> java.util.Optional.ofNullable(System.getProperty(key))));
    }

    Discovered discover() {
        List<DiscoveryIssue> issues = new ArrayList<>();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                // An entry class without suites or phases: the engine takes models, suites and phases from its settings.
                .selectors(DiscoverySelectors.selectClass(CommandLineBenchmark.class))
                .filters(EngineFilter.includeEngines(Constants.ENGINE_ID))
                .configurationParameters(parameters)
                .listeners(new LauncherDiscoveryListener() {
                    @Override
                    public void issueEncountered(UniqueId engineId, DiscoveryIssue issue) {
                        issues.add(issue);
                    }
                })
                .build();
        TestPlan plan;
        try {
            plan = launcher.discover(request);
        } catch (RuntimeException e) {
            // The launcher throws on critical discovery issues; the engine's own words for them were collected.
            BenchRun.failOnErrors(issues);
            throw e;
        }
        return new Discovered(plan, List.copyOf(issues), ListCommand.testsOf(plan));
    }

    /** Executes a discovered plan; the ledger listener (found by ServiceLoader) writes the run folder. */
    TestExecutionSummary execute(TestPlan plan, TestExecutionListener... extra) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        TestExecutionListener[] listeners = new TestExecutionListener[extra.length + 1];
        listeners[0] = summary;
        System.arraycopy(extra, 0, listeners, 1, extra.length);
        launcher.execute(plan, listeners);
        return summary.getSummary();
    }
}
