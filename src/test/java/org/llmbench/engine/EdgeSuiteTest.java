package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.llmbench.suite.Suite;
import org.llmbench.suite.SuiteLoader;
import org.llmbench.suite.SuiteOrigin;

/** The whole-suite phase with an answer that numbers only some of its parts. */
class EdgeSuiteTest {

    @Test
    void scoresThePartsItFindsAndRecordsTheRestMissing() throws Exception {
        Suite suite = SuiteLoader.load(SuiteOrigin.ofFile(Path.of("suites/edge_suite.json")));
        List<String> refs = suite.questions().stream().map(q -> q.referenceAnswer()).toList();
        // Parts 1, 2 and 4 carry the required heading (in three spellings); 3 and 5 are merged into the text.
        String answer = "Sure, here you go.\n\n### 1\n" + refs.get(0) + "\n\n## Task 2:\n" + refs.get(1)
                + "\n\nAnd the third one:\n" + refs.get(2) + "\n\n### Answer 4\n" + refs.get(3) + "\n\n" + refs.get(4);
        EngineExecutionResults results = EngineKits.engine(new LlmBenchTestEngine(c -> new ScriptedClient(r -> answer)))
                .configurationParameter("bench.model", "scripted")
                .selectors(selectFile("suites/edge_suite.json"))
                .execute();
        JsonNode figures = PhaseEvents.of(results, "edge_suite");
        assertThat(figures.path("parts_found")).extracting(JsonNode::asText).containsExactly("E01", "E02", "E04");
        assertThat(figures.path("parts_missing")).extracting(JsonNode::asText).containsExactly("E03", "E05");
        assertThat(figures.path("prompt_chars").asInt()).isGreaterThan(suite.questions().stream().mapToInt(q -> q.prompt().length()).sum());

        results.testEvents().assertStatistics(s -> s.succeeded(3).failed(2));
        List<String> failed = results.testEvents().failed().stream().map(EdgeSuiteTest::name).toList();
        assertThat(failed).containsExactly("scripted/edge_suite/E03 [part 3]", "scripted/edge_suite/E05 [part 5]");
        assertThat(results.testEvents().failed().stream().map(EdgeSuiteTest::message))
                .allMatch(m -> m.contains("part present") && m.contains("no line '### "));
    }

    @Test
    void theWholeSuitePromptRequiresTheNumbering() throws Exception {
        Suite suite = SuiteLoader.load(SuiteOrigin.ofFile(Path.of("suites/edge_suite.json")));
        List<String> prompts = new java.util.ArrayList<>();
        EngineKits.engine(new LlmBenchTestEngine(c -> new ScriptedClient(r -> {
                    prompts.add(r.messages().get(r.messages().size() - 1).content());
                    return "no numbering at all";
                })))
                .configurationParameter("bench.model", "scripted")
                .selectors(selectFile("suites/edge_suite.json"))
                .execute()
                .testEvents().assertStatistics(s -> s.failed(5));
        assertThat(prompts).hasSize(1);
        assertThat(prompts.get(0)).contains("\"### n\"").contains("### Task 5").contains(suite.questions().get(4).prompt());
    }

    private static String name(Event e) {
        return e.getTestDescriptor().getDisplayName();
    }

    private static String message(Event e) {
        // The rule the test broke, then its particulars (the cause: score and failed checks).
        return e.getRequiredPayload(TestExecutionResult.class).getThrowable()
                .map(t -> t.getMessage() + (t.getCause() == null ? "" : "\n" + t.getCause().getMessage())).orElse("");
    }
}
