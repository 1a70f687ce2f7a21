package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

/**
 * Lanes are real concurrent requests: a fake server holds each request until {@code lanes} of them are open
 * at once (or a generous timeout passes), and the test asserts on the count the server saw, not on timings.
 */
class ParallelLanesTest {

    private static Suite suite(String id) throws Exception {
        return SuiteLoader.load(SuiteOrigin.ofFile(Path.of("suites", id + ".json")));
    }

    /** Answers each prompt with its question's reference answer, once {@code lanes} requests are in flight. */
    private static FakeModelServer.Behaviour gathering(Suite suite, CountDownLatch gathered) {
        Map<String, String> references = suite.questions().stream()
                .collect(Collectors.toMap(Question::prompt, Question::referenceAnswer));
        return FakeModelServer.answering(request -> {
            gathered.countDown();
            try {
                gathered.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return references.getOrDefault(request.lastUserMessage(), "unknown prompt");
        });
    }

    private static EngineExecutionResults run(FakeModelServer server, String models, String suiteId, Map<String, String> extra) {
        var kit = EngineKits.engine(new LlmBenchTestEngine(ModelClients::create))
                .configurationParameter("bench.model", models)
                .configurationParameter("bench.provider", "openai")
                .configurationParameter("bench.url", server.openAiUrl())
                .configurationParameter("bench.retries", "0");
        extra.forEach(kit::configurationParameter);
        return kit.selectors(selectFile("suites/" + suiteId + ".json")).execute();
    }

    @Test
    void parallelSameHasTheSuitesLanesInFlightAtOnce() throws Exception {
        Suite suite = suite("parallel_same");
        try (FakeModelServer server = new FakeModelServer(gathering(suite, new CountDownLatch(4)))) {
            EngineExecutionResults results = run(server, "fake-model", "parallel_same", Map.of());
            results.testEvents().assertStatistics(s -> s.succeeded(8).failed(0));
            // The suite asks for 4 lanes and bench.lanes is unset: the client must let 4 through, and no more.
            assertThat(server.maxInFlight()).isEqualTo(4);
            JsonNode figures = PhaseEvents.of(results, "parallel_same");
            assertThat(figures.path("max_in_flight").asInt()).isEqualTo(4);
            assertThat(figures.path("lanes").asInt()).isEqualTo(4);
            assertThat(figures.path("completion_tokens").asLong()).isEqualTo(8 * 5);
            assertThat(figures.path("completion_tokens_estimated").asBoolean()).isFalse();
            assertThat(figures.path("per_lane").path("3").path("requests").asInt()).isEqualTo(2);
        }
    }

    @Test
    void benchLanesOverridesTheSuiteAndStillReachesTheClient() throws Exception {
        Suite suite = suite("parallel_same");
        try (FakeModelServer server = new FakeModelServer(gathering(suite, new CountDownLatch(8)))) {
            EngineExecutionResults results = run(server, "fake-model", "parallel_same", Map.of("bench.lanes", "8"));
            results.testEvents().assertStatistics(s -> s.succeeded(8).failed(0));
            assertThat(server.maxInFlight()).isEqualTo(8);
            assertThat(PhaseEvents.of(results, "parallel_same").path("max_in_flight").asInt()).isEqualTo(8);
        }
    }

    @Test
    void parallelMixedSendsEachLanesQuestionsToItsModelConcurrently() throws Exception {
        Suite suite = suite("parallel_mixed");
        try (FakeModelServer server = new FakeModelServer(gathering(suite, new CountDownLatch(2)))) {
            EngineExecutionResults results = run(server, "model-a,model-b", "parallel_mixed", Map.of());
            results.testEvents().assertStatistics(s -> s.succeeded(6).failed(0));
            Map<String, String> modelByQuestion = server.chatRequests().stream().collect(Collectors.toMap(
                    r -> suite.questions().stream().filter(q -> q.prompt().equals(r.lastUserMessage())).findFirst().orElseThrow().id(),
                    r -> r.body().path("model").asText()));
            assertThat(modelByQuestion).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "M01", "model-a", "M02", "model-a", "M03", "model-a",
                    "M04", "model-b", "M05", "model-b", "M06", "model-b"));
            assertThat(server.maxInFlight()).isEqualTo(2);
            assertThat(results.testEvents().succeeded().stream().map(e -> e.getTestDescriptor().getUniqueId().toString()))
                    .allMatch(id -> id.contains("[model:model-a,model-b]/[suite:parallel_mixed]"));
            JsonNode figures = PhaseEvents.of(results, "parallel_mixed");
            assertThat(figures.path("per_lane").path("1").path("model").asText()).isEqualTo("model-a");
            assertThat(figures.path("per_lane").path("2").path("model").asText()).isEqualTo("model-b");
            assertThat(figures.path("assignment").asText()).isEqualTo("suite question_assignment");
        }
    }

    @Test
    void otherSuitesStayOneAtATimeWhileAParallelPhaseIsSelected() throws Exception {
        Map<String, String> references = new java.util.HashMap<>();
        for (String id : java.util.List.of("5q", "parallel_same")) {
            suite(id).questions().forEach(q -> references.put(q.prompt(), q.referenceAnswer()));
        }
        java.util.Set<String> sequential = suite("5q").questions().stream().map(Question::prompt).collect(Collectors.toSet());
        var inFlight = new java.util.concurrent.atomic.AtomicInteger();
        var seenBySequential = new java.util.concurrent.atomic.AtomicInteger();
        try (FakeModelServer server = new FakeModelServer(FakeModelServer.answering(r -> {
            int now = inFlight.incrementAndGet();
            try {
                if (sequential.contains(r.lastUserMessage())) {
                    Thread.sleep(20); // room for an overlap to show, were there one; the assertion is on the count
                    seenBySequential.accumulateAndGet(Math.max(now, inFlight.get()), Math::max);
                }
                return references.getOrDefault(r.lastUserMessage(), "?");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "?";
            } finally {
                inFlight.decrementAndGet();
            }
        }))) {
            EngineExecutionResults results = EngineKits.engine(new LlmBenchTestEngine(ModelClients::create))
                    .configurationParameter("bench.model", "fake-model")
                    .configurationParameter("bench.provider", "openai")
                    .configurationParameter("bench.url", server.openAiUrl())
                    .selectors(selectFile("suites/5q.json"), selectFile("suites/parallel_same.json"))
                    .execute();
            results.testEvents().assertStatistics(s -> s.succeeded(13).failed(0));
            assertThat(seenBySequential.get()).isEqualTo(1);
        }
    }
}
