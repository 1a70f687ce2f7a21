package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.llmbench.model.ModelClients;
import org.llmbench.suite.Question;
import org.llmbench.suite.Suite;
import org.llmbench.suite.SuiteLoader;
import org.llmbench.suite.SuiteOrigin;
import org.llmbench.testing.FakeModelServer;

/** The append phase against a fake server that answers well for K turns and then degrades. */
class EdgeAppendTest {

    private static final int K = 3;

    /** The fake reports the prompt's size in characters as its prompt tokens, so accounting can be checked exactly. */
    private static int chars(FakeModelServer.Request request) {
        int n = 0;
        for (JsonNode m : request.body().path("messages")) {
            n += m.path("content").asText().length();
        }
        return n;
    }

    private static FakeModelServer degradingAfter(int goodTurns, Suite suite) throws IOException {
        Map<String, String> references = suite.questions().stream().collect(Collectors.toMap(Question::prompt, Question::referenceAnswer));
        AtomicInteger turn = new AtomicInteger();
        return new FakeModelServer((request, exchange) -> {
            if (request.method().equals("GET")) {
                FakeModelServer.send(exchange, 200, "application/json", "{\"data\":[]}");
                return;
            }
            String answer = turn.incrementAndGet() <= goodTurns ? references.get(request.lastUserMessage()) : "I lost track.";
            FakeModelServer.send(exchange, 200, "application/json", FakeModelServer.openAiCompletion(answer, chars(request), 7));
        });
    }

    private static EngineExecutionResults run(FakeModelServer server, String numCtx) {
        return EngineKits.engine(new LlmBenchTestEngine(ModelClients::create))
                .configurationParameter("bench.model", "fake-model")
                .configurationParameter("bench.provider", "openai")
                .configurationParameter("bench.url", server.openAiUrl())
                .configurationParameter("bench.numCtx", numCtx)
                .selectors(selectFile("suites/edge_append.json"))
                .execute();
    }

    private static Suite suite() throws Exception {
        return SuiteLoader.load(SuiteOrigin.ofFile(Path.of("suites/edge_append.json")));
    }

    @Test
    void namesTheFirstTurnThatDegradesAndAccountsForTheContextSent() throws Exception {
        Suite suite = suite();
        try (FakeModelServer server = degradingAfter(K, suite)) {
            EngineExecutionResults results = run(server, "1000000");
            JsonNode figures = PhaseEvents.of(results, "edge_append");
            assertThat(figures.path("first_degraded_turn").asInt()).isEqualTo(K + 1);
            assertThat(figures.path("turns_run").asInt()).isEqualTo(suite.questions().size());
            assertThat(figures.path("stopped_because").asText()).isEqualTo("questions ran out");
            results.testEvents().assertStatistics(s -> s.succeeded(K).failed(suite.questions().size() - K));

            List<FakeModelServer.Request> requests = server.chatRequests();
            JsonNode turns = figures.path("turns");
            for (int t = 1; t <= requests.size(); t++) {
                FakeModelServer.Request request = requests.get(t - 1);
                JsonNode messages = request.body().path("messages");
                // Turn t sends t questions and the t-1 answers before it, in order.
                assertThat(messages.size()).isEqualTo(2 * t - 1);
                for (int i = 0; i < messages.size(); i++) {
                    assertThat(messages.get(i).path("role").asText()).isEqualTo(i % 2 == 0 ? "user" : "assistant");
                }
                assertThat(messages.get(2 * t - 2).path("content").asText()).isEqualTo(suite.questions().get(t - 1).prompt());
                if (t > 1) {
                    String previousAnswer = t - 1 <= K ? suite.questions().get(t - 2).referenceAnswer() : "I lost track.";
                    assertThat(messages.get(2 * t - 3).path("content").asText()).isEqualTo(previousAnswer);
                }
                JsonNode recorded = turns.get(t - 1);
                assertThat(recorded.path("turn").asInt()).isEqualTo(t);
                assertThat(recorded.path("messages").asInt()).isEqualTo(messages.size());
                assertThat(recorded.path("prompt_tokens").asLong()).isEqualTo(chars(request));
                assertThat(recorded.path("context_tokens").asLong()).isEqualTo(chars(request) + 7);
                assertThat(recorded.path("passed").asBoolean()).isEqualTo(t <= K);
                assertThat(recorded.has("latency_ms")).isTrue();
            }
        }
    }

    @Test
    void stopsWhenTheNextTurnWouldOverflowTheContext() throws Exception {
        Suite suite = suite();
        int numCtx = 2500;
        try (FakeModelServer server = degradingAfter(100, suite)) {
            EngineExecutionResults results = run(server, Integer.toString(numCtx));
            JsonNode figures = PhaseEvents.of(results, "edge_append");
            int turnsRun = figures.path("turns_run").asInt();
            assertThat(figures.path("stopped_because").asText()).isEqualTo("context full");
            assertThat(turnsRun).isBetween(2, suite.questions().size() - 1).isEqualTo(server.chatRequests().size());
            long contextAfterLast = figures.path("turns").get(turnsRun - 1).path("context_tokens").asLong();
            String nextPrompt = suite.questions().get(turnsRun).prompt();
            assertThat(contextAfterLast + TokenCount.estimate(nextPrompt)).isGreaterThanOrEqualTo(numCtx);
            assertThat(figures.path("first_degraded_turn").isNull()).isTrue();
            results.testEvents().assertStatistics(s -> s.succeeded(turnsRun).failed(0));
        }
    }

    @Test
    void selectingOneTurnByItsIdRunsItsConversation() {
        EngineExecutionResults results = EngineKits.engine(new LlmBenchTestEngine(c -> new org.llmbench.model.MockModelClient(1)))
                .configurationParameter("bench.model", "mock")
                .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId(
                        "[engine:llm-bench]/[model:mock]/[suite:edge_append]/[turn:3]"))
                .execute();
        results.testEvents().assertStatistics(s -> s.succeeded(12).failed(0));
    }
}
