package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatRequest;
import org.llmbench.model.ModelClient;
import org.llmbench.suite.Question;
import org.llmbench.suite.SuiteLoader;
import org.llmbench.suite.SuiteOrigin;
import org.llmbench.testing.FakeModelServer;
import org.opentest4j.AssertionFailedError;

class ExecutionTest {

    /** The failure's message (the rule it broke) and its cause's (the score and each failed check). */
    private static String failureMessage(Event event) {
        Throwable failure = event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        return failure.getMessage() + (failure.getCause() == null ? "" : "\n" + failure.getCause().getMessage());
    }

    private static Throwable failure(Event event) {
        return event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }

    @Test
    void theMockPassesEveryBundledQuestionAndPublishesItsFigures() {
        EngineExecutionResults results = EngineKits.mock().selectors(selectClass(EngineKits.ENTRY_CLASS)).execute();
        results.testEvents().assertStatistics(s -> s.started(6).succeeded(6).failed(0));
        List<ReportEntry> entries = results.testEvents().reportingEntryPublished()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow()).toList();
        assertThat(entries).hasSize(6).allSatisfy(entry -> assertThat(entry.getKeyValuePairs())
                .containsEntry("score", "100.0").containsKeys("latency_ms", "prompt_tokens", "completion_tokens"));
    }

    @Test
    void junkAnswersFailWithTheirReasonsAndNothingElseEscapes() {
        EngineExecutionResults results = EngineKits.mock("bench.model", "mock:junk").selectors(selectClass(EngineKits.ENTRY_CLASS))
                .execute();
        results.testEvents().assertStatistics(s -> s.started(6).failed(6));
        results.containerEvents().assertStatistics(s -> s.failed(0));
        assertThat(results.testEvents().failed().list()).allSatisfy(e -> {
            assertThat(failure(e)).isInstanceOf(AssertionFailedError.class);
            assertThat(failureMessage(e)).contains("below pass mark").contains("  - ");
        });
    }

    @Test
    void aFailingModelIsARecordedErrorOnEachQuestion() {
        EngineExecutionResults results = EngineKits.mock("bench.model", "mock:failing").selectors(selectClass(EngineKits.ENTRY_CLASS))
                .execute();
        results.testEvents().assertStatistics(s -> s.failed(6));
        assertThat(results.testEvents().failed().list()).allSatisfy(e -> assertThat(failureMessage(e)).contains("model call: connection"));
    }

    @Test
    void anInjectedClientIsUsedAndABuggyOneFailsOnlyItsOwnTests() {
        AtomicInteger calls = new AtomicInteger();
        ModelClient buggy = new ModelClient() {
            @Override
            public CallResult chat(ChatRequest request) {
                if (calls.incrementAndGet() == 2) {
                    throw new IllegalStateException("client bug");
                }
                return CallResult.answer(request.referenceAnswer(), 1, request.charsIn(), 1, 1, true);
            }

            @Override
            public List<String> listModels() {
                return List.of("mock");
            }

            @Override
            public String provider() {
                return "test";
            }
        };
        EngineExecutionResults results = EngineKits.with(config -> buggy).selectors(selectClass(EngineKits.ENTRY_CLASS)).execute();
        results.testEvents().assertStatistics(s -> s.started(6).succeeded(5).failed(1));
        assertThat(calls).hasValue(6);
    }

    /** Answers each bundled prompt with its reference answer, as a perfect model would. */
    private static Map<String, String> referenceAnswers() throws Exception {
        Map<String, String> answers = new HashMap<>();
        for (String suite : List.of("hello", "5q")) {
            for (Question q : SuiteLoader.load(SuiteOrigin.ofFile(Path.of("suites", suite + ".json"))).questions()) {
                answers.put(q.prompt(), q.referenceAnswer());
            }
        }
        return answers;
    }

    @Test
    void anOpenAiCompatibleServerThatAnswersWellPassesAndNeverSeesTheReferenceAnswer() throws Exception {
        Map<String, String> answers = referenceAnswers();
        try (FakeModelServer server = new FakeModelServer(FakeModelServer.answering(r -> answers.get(r.lastUserMessage())))) {
            EngineExecutionResults results = EngineKits.mock("bench.model", "fake-model", "bench.provider", "openai",
                    "bench.url", server.openAiUrl()).selectors(selectClass(EngineKits.ENTRY_CLASS)).execute();
            results.testEvents().assertStatistics(s -> s.started(6).succeeded(6));
            assertThat(server.chatRequests()).hasSize(6).allSatisfy(r -> {
                assertThat(r.path()).isEqualTo("/v1/chat/completions");
                assertThat(r.body().path("model").asText()).isEqualTo("fake-model");
                assertThat(r.body().path("temperature").asDouble()).isEqualTo(0.1);
                assertThat(r.body().path("max_tokens").asInt()).isEqualTo(2048);
                assertThat(r.body().toString()).doesNotContain("reference");
            });
        }
    }

    @Test
    void http500InvalidJsonAndTimeoutsAreRecordedErrorsAndTheRunGoesOn() throws Exception {
        AtomicInteger n = new AtomicInteger();
        FakeModelServer.Behaviour behaviour = (request, exchange) -> {
            switch (n.getAndIncrement() % 3) {
                case 0 -> FakeModelServer.send(exchange, 500, "application/json", "{\"error\":{\"code\":500,\"message\":\"boom\"}}");
                case 1 -> FakeModelServer.send(exchange, 200, "application/json", "{\"choices\": [ {\"message\": ");
                default -> {
                    try {
                        Thread.sleep(3_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    FakeModelServer.send(exchange, 200, "application/json", FakeModelServer.openAiCompletion("late", 1, 1));
                }
            }
        };
        try (FakeModelServer server = new FakeModelServer(behaviour)) {
            EngineExecutionResults results = EngineKits.mock("bench.model", "fake-model", "bench.provider", "openai",
                    "bench.url", server.openAiUrl(), "bench.retries", "0", "bench.timeoutS", "1")
                    .selectors(selectFile("suites/hello.json"), selectFile("suites/5q.json")).execute();
            results.testEvents().assertStatistics(s -> s.started(6).failed(6));
            List<String> messages = results.testEvents().failed().list().stream().map(ExecutionTest::failureMessage).toList();
            assertThat(messages).anyMatch(m -> m.contains("model call: http_5xx: HTTP 500"));
            assertThat(messages).anyMatch(m -> m.contains("model call: protocol: the response is not valid JSON"));
            assertThat(messages).anyMatch(m -> m.contains("model call: timeout"));
            assertThat(server.chatRequests()).hasSize(6);
        }
    }

    @Test
    void retryableErrorsAreRetriedAndTheAttemptsReported() throws Exception {
        AtomicInteger n = new AtomicInteger();
        FakeModelServer.Behaviour behaviour = (request, exchange) -> {
            if (request.method().equals("POST") && n.getAndIncrement() == 0) {
                FakeModelServer.send(exchange, 503, "application/json", "{\"error\":\"loading\"}");
            } else {
                FakeModelServer.send(exchange, 200, "application/json", FakeModelServer.openAiCompletion("Hello there", 3, 2));
            }
        };
        try (FakeModelServer server = new FakeModelServer(behaviour)) {
            EngineExecutionResults results = EngineKits.mock("bench.model", "m", "bench.provider", "openai",
                    "bench.url", server.openAiUrl(), "bench.retries", "1").selectors(selectFile("suites/hello.json")).execute();
            results.testEvents().assertStatistics(s -> s.succeeded(1));
            ReportEntry entry = results.testEvents().reportingEntryPublished().list().get(0).getPayload(ReportEntry.class).orElseThrow();
            assertThat(entry.getKeyValuePairs()).containsEntry("attempts", "2").containsEntry("completion_tokens", "2");
        }
    }
}
