package org.llmbench.engine;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.llmbench.json.Json;

/**
 * Prints each test's reporting entry (score, pass mark, latency, tokens...) as one line on standard output when
 * {@value #KEY} is {@code stdout}, as the {@code bench} Maven profile sets it. Surefire (3.5) drops JUnit Platform
 * reporting entries but keeps what a test prints as that test's {@code <system-out>} in its XML report, so this is
 * how the figures reach Surefire's XML. One line per test: {@code [llm-bench] entry {"test":"mock/5q/Q03",...}},
 * a JSON object because a model server's {@code finish_reason} is any text. Off by default: the CLI has its own
 * progress line and IDEs show the entries themselves.
 */
public final class ReportEntryPrinter implements TestExecutionListener {

    /** The configuration parameter that switches the lines on: {@code stdout}; anything else leaves them off. */
    public static final String KEY = org.llmbench.config.BenchKeys.REPORT_ENTRIES.name();

    /** What each line starts with; the JSON object follows. */
    static final String PREFIX = "[llm-bench] entry ";

    // Non-ASCII as \\u escapes (Jackson escapes the C0 controls already): a model name or question id cannot
    // reach the terminal with a bidi override or a C1 control, and the line stays the same JSON.
    private static final ObjectWriter ASCII = Json.MAPPER.writer()
            .with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII);

    private volatile boolean enabled;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        enabled = plan.getConfigurationParameters().get(KEY).map(v -> v.trim().equals("stdout")).orElse(false);
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        if (enabled && test.isTest()) {
            // One println per entry: lanes publish from several threads, and a line must not be split.
            BenchConsole.STANDARD.line(line(test.getDisplayName(), entry.getKeyValuePairs()));
        }
    }

    /** The printed line for a test's display name and entry. */
    static String line(String test, Map<String, String> entry) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("test", test);
        entry.forEach(all::putIfAbsent);
        try {
            return PREFIX + ASCII.writeValueAsString(all);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }
}
