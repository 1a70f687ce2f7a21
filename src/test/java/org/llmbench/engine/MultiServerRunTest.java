package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.model.ModelClients;
import org.llmbench.testing.FakeModelServer;

/**
 * {@code bench.url=a,b}: the lanes of a parallel phase spread over two in-process servers, each call names the
 * server that answered and the phase figures count per server; a server stopped mid-run loses its lanes to the
 * other, and every question still gets its outcome.
 */
class MultiServerRunTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int QUESTIONS = 16;

    @TempDir
    Path dir;

    @Test
    void bothServersReceiveCallsAndThePhaseFiguresCountEach() throws Exception {
        try (var a = new FakeModelServer(FakeModelServer.streaming(r -> "hello there", 2));
             var b = new FakeModelServer(FakeModelServer.streaming(r -> "hello there", 2))) {
            BenchRun.Outcome outcome = run(a, b);

            assertThat(a.chatRequests()).isNotEmpty();
            assertThat(b.chatRequests()).isNotEmpty();
            assertThat(a.chatRequests().size() + b.chatRequests().size()).isEqualTo(QUESTIONS);
            List<JsonNode> calls = outcome.calls();
            assertThat(calls).hasSize(QUESTIONS).allMatch(c -> c.path("error_kind").isNull());
            assertThat(calls.stream().map(c -> c.path("server").asText()).collect(Collectors.toSet()))
                    .isEqualTo(Set.of(a.openAiUrl(), b.openAiUrl()));
            JsonNode perServer = figures(outcome).path("per_server");
            assertThat(perServer.path(a.openAiUrl()).path("requests").asInt()).isEqualTo(a.chatRequests().size());
            assertThat(perServer.path(b.openAiUrl()).path("requests").asInt()).isEqualTo(b.chatRequests().size());
            assertThat(perServer.path(a.openAiUrl()).path("latency_ms").has("p50")).isTrue();
            assertEveryQuestionEnded(outcome, QUESTIONS);
            System.out.println("[two servers] per_server " + perServer.toPrettyString());
        }
    }

    @Test
    void aServerStoppedMidRunLosesItsLanesToTheOtherAndTheRunGoesOn() throws Exception {
        AtomicInteger served = new AtomicInteger();
        FakeModelServer[] dying = new FakeModelServer[1];
        FakeModelServer.Behaviour answer = FakeModelServer.streaming(r -> "hello there", 2);
        try (var a = new FakeModelServer((request, exchange) -> {
                answer.answer(request, exchange);
                if (request.method().equals("POST") && served.incrementAndGet() == 3) {
                    // Gone after its third answer, as a server that crashes between two calls.
                    new Thread(dying[0]::close).start();
                }
            });
             var b = new FakeModelServer(FakeModelServer.streaming(r -> "hello there", 2))) {
            dying[0] = a;
            BenchRun.Outcome outcome = run(a, b);

            List<JsonNode> calls = outcome.calls();
            assertThat(calls).hasSize(QUESTIONS);
            assertThat(calls).as("every call answered, the refused ones by the other server")
                    .allMatch(c -> c.path("error_kind").isNull());
            Map<String, Long> byServer = calls.stream().collect(Collectors.groupingBy(c -> c.path("server").asText(),
                    Collectors.counting()));
            // Calls already accepted when it stopped may still be answered: at most one per lane.
            long byA = byServer.get(a.openAiUrl());
            assertThat(byA).isBetween(3L, 3L + 4);
            assertThat(byServer.get(b.openAiUrl())).isEqualTo(QUESTIONS - byA);
            assertEveryQuestionEnded(outcome, QUESTIONS);
            assertThat(outcome.ledger().stream().filter(e -> e.path("event").asText().equals("test_end")))
                    .allMatch(e -> e.path("status").asText().equals("successful"));
            JsonNode perServer = figures(outcome).path("per_server");
            assertThat(perServer.path(a.openAiUrl()).path("requests").asLong()).isEqualTo(byA);
            assertThat(perServer.path(b.openAiUrl()).path("requests").asLong()).isEqualTo(QUESTIONS - byA);
            System.out.println("[one server stopped] per_server " + perServer.toPrettyString());
        }
    }

    @Test
    void whenEveryServerIsDownTheBreakerAbortsTheRestNamingTheServers() throws Exception {
        FakeModelServer a = new FakeModelServer(FakeModelServer.streaming(r -> "hello there", 0));
        FakeModelServer b = new FakeModelServer(FakeModelServer.streaming(r -> "hello there", 0));
        a.close();
        b.close();
        BenchRun.Outcome outcome = run(a, b);

        List<JsonNode> calls = outcome.calls();
        // Three calls that no server took open the breaker; the lanes' calls already under way still end.
        assertThat(calls.size()).isBetween(3, 3 + 4);
        assertThat(calls).allMatch(c -> c.path("error_kind").asText().equals("connection"));
        assertThat(outcome.ledger().stream().filter(e -> e.path("event").asText().equals("test_end")
                && e.path("status").asText().equals("aborted"))).hasSize(QUESTIONS - calls.size())
                .allMatch(e -> e.path("message").asText().contains("every server of " + a.openAiUrl() + "," + b.openAiUrl()));
    }

    @Test
    void thePreflightAsksEveryServerAndNamesTheOneThatDoesNotAnswer() throws Exception {
        try (var up = new FakeModelServer(FakeModelServer.streaming(r -> "hi", 0))) {
            FakeModelServer down = new FakeModelServer(FakeModelServer.streaming(r -> "hi", 0));
            down.close();
            var issues = EngineKits.engine(new LlmBenchTestEngine(ModelClients::create))
                    .configurationParameter("bench.phases", "hello").configurationParameter("bench.preflight", "true")
                    .configurationParameter("bench.model", "fake:1b")
                    .configurationParameter("bench.url", up.baseUrl() + "," + down.baseUrl())
                    .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(EngineKits.ENTRY_CLASS))
                    .discover().getDiscoveryIssues();
            assertThat(issues).filteredOn(i -> i.severity() == org.junit.platform.engine.DiscoveryIssue.Severity.ERROR)
                    .singleElement().satisfies(i -> assertThat(i.message()).contains(down.baseUrl() + ": "));
        }
    }

    private BenchRun.Outcome run(FakeModelServer a, FakeModelServer b) throws IOException {
        return BenchRun.run(ModelClients::create, parallelSuite(), dir.resolve("out"), Map.of("bench.model", "fake-model",
                "bench.provider", "openai", "bench.url", a.openAiUrl() + "," + b.openAiUrl(), "bench.retries", "1"));
    }

    /** A parallel_same suite of {@link #QUESTIONS} questions in 4 lanes. */
    private Path parallelSuite() throws IOException {
        var root = MAPPER.createObjectNode().put("suite_name", "spread").put("version", "1")
                .put("run_mode", "parallel_same").put("lanes", 4).put("question_assignment", "round_robin");
        var questions = root.putArray("questions");
        for (int i = 1; i <= QUESTIONS; i++) {
            questions.addObject().put("id", "S" + i).put("prompt", "Say hello " + i).putArray("required_markers").add("hello");
        }
        Path file = dir.resolve("spread.json");
        Files.writeString(file, MAPPER.writeValueAsString(root));
        return file;
    }

    private static JsonNode figures(BenchRun.Outcome outcome) throws IOException {
        return outcome.ledger().stream().filter(e -> e.path("event").asText().equals("phase_figures")).findFirst()
                .orElseThrow();
    }

    private static void assertEveryQuestionEnded(BenchRun.Outcome outcome, int questions) throws IOException {
        assertThat(outcome.ledger().stream().filter(e -> e.path("event").asText().equals("test_end"))
                .map(e -> e.path("test_id").asText()).distinct()).hasSize(questions);
        assertThat(outcome.ledger().stream().filter(e -> e.path("event").asText().equals("score"))).hasSize(questions);
    }
}
