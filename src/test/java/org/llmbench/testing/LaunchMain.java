package org.llmbench.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.util.HashMap;
import java.util.Map;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs the suites of one directory through the JUnit Launcher in a child JVM, for tests that need a real
 * process (kill -9, heap limits). Arguments: the directory, then {@code key=value} configuration parameters.
 */
public final class LaunchMain {

    private LaunchMain() {
    }

    public static void main(String[] args) {
        Map<String, String> params = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            params.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(args[0]))
                .filters(EngineFilter.includeEngines("llm-bench"))
                .configurationParameters(params)
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        long[] liveAtEnd = new long[1];
        TestExecutionListener liveHeap = new TestExecutionListener() {
            @Override
            public void testPlanExecutionFinished(TestPlan plan) {
                // What the run still holds once every question is done: raw outputs must not be among it.
                System.gc();
                liveAtEnd[0] = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            }
        };
        LauncherFactory.create().execute(request, summary, liveHeap);
        long peakMb = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
        System.out.println("tests started " + summary.getSummary().getTestsStartedCount()
                + ", succeeded " + summary.getSummary().getTestsSucceededCount()
                + ", skipped " + summary.getSummary().getTestsSkippedCount()
                + ", heap peak (sum of pools) " + peakMb + " MiB"
                + ", live heap after GC at the end " + liveAtEnd[0] / (1024 * 1024) + " MiB");
    }
}
