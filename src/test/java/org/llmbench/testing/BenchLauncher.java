package org.llmbench.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the bundled suites through the JUnit Launcher as Surefire does, so the ServiceLoader-registered
 * listeners (the ledger's and Allure's) take part; only the given parameters apply, no system property.
 */
public final class BenchLauncher {

    private BenchLauncher() {
    }

    public static TestExecutionSummary run(Map<String, String> parameters) {
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass("org.llmbench.BundledSuitesBenchmark"))
                .filters(EngineFilter.includeEngines("llm-bench"))
                .configurationParameters(new HashMap<>(parameters))
                .enableImplicitConfigurationParameters(false)
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, summary);
        return summary.getSummary();
    }

    /** The newest run folder written under {@code out}: the one latest-run.txt names. */
    public static Path latestRun(Path out) throws IOException {
        return Path.of(Files.readString(out.resolve("latest-run.txt")).trim());
    }
}
