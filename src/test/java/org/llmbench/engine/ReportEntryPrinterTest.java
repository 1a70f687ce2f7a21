package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The lines that carry each test's figures into Surefire's XML as its {@code <system-out>}. */
class ReportEntryPrinterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs hello and 5q for two models through the Launcher with only the printer listening; what it printed. */
    private static List<String> printed(Map<String, String> extra) {
        // Its own out folder: a test run never writes to the user's target/bench-runs (nor its leaderboard).
        var parameters = new java.util.HashMap<>(Map.of("bench.model", "mock,mock:junk", "bench.phases", "hello,5q",
                "bench.out", EngineKits.freshOut()));
        parameters.putAll(extra);
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(EngineKits.ENTRY_CLASS))
                .filters(EngineFilter.includeEngines("llm-bench"))
                .configurationParameters(parameters)
                .enableImplicitConfigurationParameters(false)
                .build();
        var launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            launcher.execute(request, new ReportEntryPrinter());
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(ReportEntryPrinter.PREFIX)).toList();
    }

    @Test
    void switchedOnEveryTestPrintsOneJsonLineWithItsNameScoreAndLatency() throws Exception {
        List<String> lines = printed(Map.of(ReportEntryPrinter.KEY, "stdout"));
        assertThat(lines).hasSize(12);
        List<JsonNode> entries = new java.util.ArrayList<>();
        for (String line : lines) {
            entries.add(JSON.readTree(line.substring(ReportEntryPrinter.PREFIX.length())));
        }
        assertThat(entries).extracting(e -> e.path("test").asText()).doesNotHaveDuplicates()
                .contains("mock/5q/Q03", "mock:junk/5q/Q03", "mock/hello/H01");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.path("score").asText()).matches("\\d+\\.\\d+");
            assertThat(e.path("pass_mark").asText()).isEqualTo("70.0");
            assertThat(e.path("latency_ms").asText()).matches("\\d+");
        });
        assertThat(entries).filteredOn(e -> e.path("test").asText().startsWith("mock:junk/"))
                .allSatisfy(e -> assertThat(e.path("score").asDouble()).isZero());
    }

    @Test
    void offUnlessAskedFor() {
        assertThat(printed(Map.of())).isEmpty();
        assertThat(printed(Map.of(ReportEntryPrinter.KEY, "none"))).isEmpty();
    }

    @Test
    void aHostileValueStaysOnItsLineAndReadsBack() throws Exception {
        String hostile = "stop\n[llm-bench] entry {\"test\":\"forged\"}\u0000]]>";
        String line = ReportEntryPrinter.line("m/5q/Q01", Map.of("finish_reason", hostile, "test", "forged"));
        assertThat(line.lines()).hasSize(1);
        JsonNode back = JSON.readTree(line.substring(ReportEntryPrinter.PREFIX.length()));
        assertThat(back.path("test").asText()).isEqualTo("m/5q/Q01");
        assertThat(back.path("finish_reason").asText()).isEqualTo(hostile);
    }
}
