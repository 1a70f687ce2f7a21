package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.llmbench.model.ModelClients;
import org.llmbench.testing.FakeModelServer;
import org.llmbench.testing.HostileServer;

/**
 * The API key reaches the server as a bearer token and nothing else: not the run folder, not the console, not
 * even when the server echoes it back in an error message. A hostile server of either wire format that quotes it
 * everywhere it can ({@link HostileServer}) gets it into no file of the run, no Allure result, nothing Surefire
 * would report (test results, their exceptions and report entries) and nothing printed.
 */
class ApiKeySecretTest {

    private static final String VARIABLE = "LLMBENCH_TEST_API_KEY";
    private static final String CANARY = "sk-canary-7f3e9a1c-do-not-leak";

    /**
     * The memory sampler's status requests: it reads the key from the process's environment, which these tests
     * replace only for the model client (HttpGetTest checks that it sends the key it is given).
     */
    private static final java.util.Set<String> FOOTPRINT_STATUS = java.util.Set.of("/props", "/slots", "/api/ps");

    @TempDir
    Path dir;

    @Test
    void theKeyIsSentAsBearerAndWrittenNowhere() throws Exception {
        Path suite = BenchRun.suite(dir, "secret", "Say hello. FIRST", "Say hello. SECOND");
        FakeModelServer.Behaviour good = FakeModelServer.streaming(r -> "hello", 0);
        try (var server = new FakeModelServer((request, exchange) -> {
            if (request.lastUserMessage().contains("FIRST")) {
                // Some servers and proxies quote the rejected credential back.
                FakeModelServer.send(exchange, 401, "application/json",
                        "{\"error\":{\"message\":\"invalid key: " + request.authorization() + "\"}}");
            } else {
                good.answer(request, exchange);
            }
        })) {
            Path out = dir.resolve("out");
            BenchRun.Outcome outcome = BenchRun.run(config -> ModelClients.create(config,
                            name -> name.equals(VARIABLE) ? CANARY : null), suite, out,
                    Map.of("bench.model", "fake-model", "bench.provider", "openai", "bench.url", server.openAiUrl(),
                            "bench.apiKeyEnv", VARIABLE));

            assertThat(server.requests()).isNotEmpty()
                    .filteredOn(r -> !FOOTPRINT_STATUS.contains(r.path()))
                    .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + CANARY));
            List<com.fasterxml.jackson.databind.JsonNode> calls = outcome.calls();
            assertThat(calls.get(0).path("error_kind").asText()).isEqualTo("http_4xx");
            assertThat(calls.get(0).path("error").asText()).contains("invalid key: Bearer ***");
            assertThat(calls.get(1).path("raw_output").asText()).isEqualTo("hello");

            assertThat(outcome.console()).contains("[llm-bench]").doesNotContain(CANARY);
            try (Stream<Path> files = Files.walk(out)) {
                List<Path> written = files.filter(Files::isRegularFile).toList();
                assertThat(written).extracting(p -> p.getFileName().toString())
                        .contains("run.jsonl", "manifest.json", "results.json");
                for (Path file : written) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).as(file.toString())
                            .doesNotContain(CANARY);
                }
            }
            assertThat(Files.readString(outcome.folder().resolve("manifest.json"))).contains(VARIABLE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"openai", "ollama"})
    void aHostileServerGetsTheKeyIntoNoFileNoReportAndNoConsole(String provider) throws Exception {
        List<String> prompts = new java.util.ArrayList<>(new java.util.TreeSet<>(HostileServer.TRIGGERS.keySet()));
        prompts.add("Say hello.");
        Path suite = BenchRun.suite(dir, "hostile", prompts.toArray(String[]::new));
        Path out = dir.resolve("out");
        Path allure = dir.resolve("allure-results");
        Queue reported = new Queue();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        AllureLifecycle previous = Allure.getLifecycle();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        boolean ollama = provider.equals("ollama");
        try (var server = new FakeModelServer(HostileServer.quotingTheKey(ollama))) {
            Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(allure)));
            PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            // As under Surefire: the ledger's and Allure's listeners come from the class path.
            LauncherFactory.create(LauncherConfig.builder()
                    .enableTestEngineAutoRegistration(false)
                    .addTestEngines(new LlmBenchTestEngine(config -> ModelClients.create(config,
                            name -> name.equals(VARIABLE) ? CANARY : null)))
                    .enableTestExecutionListenerAutoRegistration(true)
                    .build()).execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectFile(suite.toFile()))
                    .configurationParameters(Map.of("bench.model", "fake-model", "bench.provider", provider,
                            "bench.url", ollama ? server.baseUrl() : server.openAiUrl(), "bench.apiKeyEnv", VARIABLE,
                            "bench.retries", "0", "bench.out", out.toString(), "bench.preflight", "false"))
                    .build(), reported);
            assertThat(server.requests()).isNotEmpty()
                    .filteredOn(r -> !FOOTPRINT_STATUS.contains(r.path()))
                    .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + CANARY));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            Allure.setLifecycle(previous);
        }
        assertThat(reported.results).as("results reported").hasSizeGreaterThan(prompts.size());
        assertThat(reported.text()).as("what Surefire would report").contains("Bearer ***").doesNotContain(CANARY);
        assertThat(console.toString(StandardCharsets.UTF_8)).as("console").contains("[llm-bench]").doesNotContain(CANARY);
        for (Path root : List.of(out, allure)) {
            try (Stream<Path> files = Files.walk(root)) {
                List<Path> written = files.filter(Files::isRegularFile).toList();
                assertThat(written).as(root.toString()).isNotEmpty();
                for (Path file : written) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).as(file.toString())
                            .doesNotContain(CANARY).doesNotContain(HostileServer.OTHER_SK)
                            .doesNotContain(HostileServer.OTHER_BEARER);
                }
            }
        }
        BenchRun.Outcome outcome = new BenchRun.Outcome(Files.list(out).filter(p -> p.getFileName().toString()
                .startsWith("run-")).findFirst().orElseThrow(), "");
        List<String> kinds = outcome.calls().stream().map(c -> c.path("error_kind").asText("ok")).toList();
        assertThat(kinds).as("every attack reached the harness").contains("protocol", "http_4xx", "http_5xx", "rate_limited");
        assertThat(outcome.calls()).anySatisfy(c -> assertThat(c.path("raw_output").asText()).isEqualTo("your key is *** ok"));
    }

    /** Everything Surefire takes from a run into its reports: each result, its exception in full, the report entries. */
    private static final class Queue implements TestExecutionListener {
        final ConcurrentLinkedQueue<String> results = new ConcurrentLinkedQueue<>();

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            StringWriter trace = new StringWriter();
            result.getThrowable().ifPresent(t -> t.printStackTrace(new PrintWriter(trace)));
            results.add(id.getDisplayName() + " " + id.getUniqueId() + " " + result.getStatus() + " " + trace);
        }

        @Override
        public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
            results.add(entry.toString());
        }

        String text() {
            return String.join("\n", results);
        }
    }
}
