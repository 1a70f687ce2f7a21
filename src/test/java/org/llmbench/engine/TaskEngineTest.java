package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.CompositeTestSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.llmbench.model.ChatRequest;
import org.llmbench.model.MockModelClient;
import org.llmbench.model.CallResult;
import org.llmbench.model.ModelClient;

/** The tasks phase in the engine: one test per generated task under [suite:tasks], scored, retried on parse failure. */
class TaskEngineTest {

    @LlmBench(suites = "suites", phases = {"tasks"})
    static class TasksOnly {
    }

    private static EngineTestKit.Builder kit(ModelClient client, String model) {
        return EngineKits.engine(new LlmBenchTestEngine(config -> client))
                .configurationParameter("bench.model", model)
                .configurationParameter("bench.maxTasks", "1");
    }

    @Test
    void theOracleScoresEveryTaskWithIdsTagsAndSources() {
        EngineExecutionResults results = kit(new MockModelClient(42), "mock").selectors(selectClass(TasksOnly.class)).execute();
        results.testEvents().assertStatistics(s -> s.started(7).succeeded(7).failed(0));
        Event first = results.testEvents().started().list().get(0);
        var descriptor = first.getTestDescriptor();
        assertThat(descriptor.getUniqueId().toString())
                .isEqualTo("[engine:llm-bench]/[model:mock]/[suite:tasks]/[task:json_extraction-01]");
        assertThat(descriptor.getTags()).extracting(t -> t.getName()).containsExactly("tasks", "json_extraction");
        // The generator class, inside a composite so Surefire names the test (see TaskDescriptor.generatorSource).
        assertThat(descriptor.getSource()).get().isInstanceOfSatisfying(CompositeTestSource.class, c ->
                assertThat(c.getSources()).singleElement().isInstanceOf(ClassSource.class));
        assertThat(results.testEvents().reportingEntryPublished().count()).isEqualTo(7);
    }

    @Test
    void withoutOsIsolationCodeTasksAreSkippedWithTheReasonUnlessTheUserOptsIn() throws Exception {
        String before = System.getProperty(org.llmbench.tasks.Sandbox.NAMESPACES_PROPERTY);
        System.setProperty(org.llmbench.tasks.Sandbox.NAMESPACES_PROPERTY, "false");
        try {
            String id = "[engine:llm-bench]/[model:mock]/[suite:tasks]/[task:code_fix-java-01]";
            String out = EngineKits.freshOut();
            EngineExecutionResults refused = kit(new MockModelClient(42), "mock").configurationParameter("bench.out", out)
                    .selectors(selectUniqueId(id)).execute();
            refused.testEvents().assertStatistics(s -> s.skipped(1).started(0));
            assertThat(refused.testEvents().skipped().list().get(0).getPayload(String.class)).get().asString()
                    .contains("no operating-system isolation here", "bench.sandbox=unisolated");
            String ledger = java.nio.file.Files.readString(java.nio.file.Files.list(java.nio.file.Path.of(out))
                    .filter(java.nio.file.Files::isDirectory).findFirst().orElseThrow().resolve("run.jsonl"));
            assertThat(ledger).contains("\"test_skipped\"", "no operating-system isolation here");
            String optedOut = EngineKits.freshOut();
            EngineExecutionResults optedIn = kit(new MockModelClient(42), "mock").configurationParameter("bench.out", optedOut)
                    .configurationParameter("bench.sandbox", "unisolated").selectors(selectUniqueId(id)).execute();
            optedIn.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
            java.nio.file.Path folder = java.nio.file.Files.list(java.nio.file.Path.of(optedOut))
                    .filter(java.nio.file.Files::isDirectory).findFirst().orElseThrow();
            assertThat(java.nio.file.Files.readString(folder.resolve("run.jsonl"))).contains("\"unisolated\"");
            assertThat(java.nio.file.Files.readString(folder.resolve("manifest.json"))).contains("\"sandbox\" : \"unisolated\"");
            assertThat(java.nio.file.Files.readString(folder.resolve("report.md"))).contains("sandbox: **unisolated**");
        } finally {
            if (before == null) {
                System.clearProperty(org.llmbench.tasks.Sandbox.NAMESPACES_PROPERTY);
            } else {
                System.setProperty(org.llmbench.tasks.Sandbox.NAMESPACES_PROPERTY, before);
            }
        }
    }

    @Test
    void aSingleTaskCanBeSelectedByUniqueId() {
        EngineExecutionResults results = kit(new MockModelClient(42), "mock")
                .selectors(selectUniqueId("[engine:llm-bench]/[model:mock]/[suite:tasks]/[task:code_fix-java-01]")).execute();
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }

    @Test
    void unreadableAnswersAreRetriedWithAStricterInstructionThenFail() {
        List<ChatRequest> requests = new ArrayList<>();
        ModelClient junk = new ModelClient() {
            @Override
            public CallResult chat(ChatRequest request) {
                requests.add(request);
                return CallResult.answer("I would rather not answer in JSON.", 1, request.charsIn(), 1, 1, true);
            }

            @Override
            public List<String> listModels() {
                return List.of("junk");
            }

            @Override
            public String provider() {
                return "test";
            }
        };
        EngineExecutionResults results = kit(junk, "junk").configurationParameter("bench.retryOnParseFail", "2")
                .selectors(selectUniqueId("[engine:llm-bench]/[model:junk]/[suite:tasks]/[task:reasoning-01]")).execute();
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(requests).hasSize(3);
        assertThat(requests.get(2).messages().get(0).content()).contains("could not be read as JSON");
    }

    @Test
    void freeTextModeScoresTheSameFacts() {
        EngineExecutionResults results = kit(new MockModelClient(42), "mock").configurationParameter("bench.strictJson", "false")
                .selectors(selectClass(TasksOnly.class)).execute();
        results.testEvents().assertStatistics(s -> s.started(7).succeeded(7));
    }
}
