package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Public benchmark files named by their suite id run end to end against the mock, sampled, with intervals. */
class PublicBenchmarksEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path suites;

    @Test
    void gsm8kAndMmluFilesRunAsTheyAreWithSamplesAndIntervals() throws Exception {
        Files.writeString(suites.resolve("gsm8k.jsonl"), JSON.writeValueAsString(Map.of("question", "2 + 3?",
                "answer", "2 + 3 = 5\n#### 5")) + "\n" + JSON.writeValueAsString(Map.of("question", "10 * 10?",
                "answer", "#### 100")) + "\n");
        Files.writeString(suites.resolve("mmlu_astronomy.csv"), "Largest planet?,Mars,Jupiter,Venus,Earth,B\n"
                + "Closest star?,Sirius,Vega,The Sun,Polaris,C\nRed planet?,Mars,Jupiter,Venus,Earth,A\n");
        String out = EngineKits.freshOut();
        var results = EngineKits.mock("bench.phases", "gsm8k,mmlu_astronomy", "bench.suites", suites.toString(),
                "bench.samples", "3", "bench.out", out).selectors(selectUniqueId("[engine:llm-bench]/[model:mock]")).execute();
        results.testEvents().assertStatistics(s -> s.started(5).succeeded(5));
        Path run;
        try (Stream<Path> runs = Files.list(Path.of(out))) {
            run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        List<JsonNode> calls = Files.readAllLines(run.resolve("run.jsonl")).stream().map(PublicBenchmarksEngineTest::parse)
                .filter(e -> e.path("event").asText().equals("call")).toList();
        assertThat(calls).hasSize(15);
        assertThat(calls.stream().map(c -> c.path("sample").asInt()).distinct()).containsExactlyInAnyOrder(0, 1, 2);
        JsonNode res = JSON.readTree(run.resolve("results.json").toFile());
        assertThat(res.path("summary").path("score_percent").asDouble()).isEqualTo(100);
        assertThat(res.path("summary").path("score_stderr").asDouble()).isZero();
        assertThat(res.path("summary").path("pass_at_k").path("3").asDouble()).isEqualTo(1);
        assertThat(res.path("suites")).hasSize(2);
        assertThat(res.path("tasks").get(0).path("pass_at_k").path("1").asDouble()).isEqualTo(1);
        assertThat(Files.readString(run.resolve("report.md"))).contains("95 % interval");
        JsonNode meta = JSON.readTree(run.resolve("metadata.json").toFile()).path("models").path("mock");
        assertThat(meta.path("pass_at_3").asDouble()).isEqualTo(1);
        assertThat(meta.path("phases").path("gsm8k").path("score_stderr").isNumber()).isTrue();
    }

    @Test
    void theReferencesFormatsAreAskedAndEveryMethodIsRecordedAndLabelledEverywhere() throws Exception {
        StringBuilder train = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            train.append(JSON.writeValueAsString(Map.of("question", "Train " + i + "?", "answer", "#### " + i))).append('\n');
        }
        Files.writeString(suites.resolve("train.jsonl"), train);
        Files.writeString(suites.resolve("test.jsonl"), JSON.writeValueAsString(Map.of("question", "2 + 3?",
                "answer", "2 + 3 = 5\n#### 5")) + "\n");
        Files.writeString(suites.resolve("astronomy_test.csv"), "Largest planet?,Mars,Jupiter,Venus,Earth,B\n");
        Files.writeString(suites.resolve("astronomy_dev.csv"), "D?,a,b,c,d,A\n".repeat(5));
        String out = EngineKits.freshOut();
        var results = EngineKits.mock("bench.model", "mock,mock:junk", "bench.phases", "test,astronomy_test",
                "bench.suites", suites.toString(), "bench.promptFormat", "reference", "bench.method", "flexible-extract",
                "bench.out", out).selectors(selectUniqueId("[engine:llm-bench]/[model:mock]"),
                selectUniqueId(org.junit.platform.engine.UniqueId.forEngine("llm-bench").append("model", "mock:junk"))).execute();
        results.testEvents().assertStatistics(s -> s.started(4).succeeded(2).failed(2));
        Path run;
        try (Stream<Path> runs = Files.list(Path.of(out))) {
            run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        List<JsonNode> events = Files.readAllLines(run.resolve("run.jsonl")).stream().map(PublicBenchmarksEngineTest::parse).toList();
        JsonNode call = events.stream().filter(e -> e.path("event").asText().equals("call")
                && e.path("suite").asText().equals("test")).findFirst().orElseThrow();
        assertThat(call.toString()).contains("Question: Train 1?\\nAnswer: #### 1\\n\\n");
        JsonNode gsm = events.stream().filter(e -> e.path("event").asText().equals("score")
                && e.path("test_id").asText().contains("[model:mock]/[suite:test]")).findFirst().orElseThrow();
        assertThat(gsm.path("methods").path("headline").asText()).isEqualTo("flexible-extract");
        assertThat(gsm.path("methods").path("prompt_format").asText()).startsWith("lm-eval gsm8k (Question/Answer), 5-shot");
        assertThat(gsm.path("methods").path("verdicts").findValuesAsText("method"))
                .containsExactly("flexible-extract", "strict-match", "by-value");

        JsonNode res = JSON.readTree(run.resolve("results.json").toFile());
        JsonNode suite = java.util.stream.StreamSupport.stream(res.path("suites").spliterator(), false)
                .filter(x -> x.path("suite").asText().equals("test") && x.path("model").asText().equals("mock")).findFirst().orElseThrow();
        assertThat(suite.path("method").asText()).isEqualTo("flexible-extract");
        assertThat(suite.path("prompt_format").asText()).startsWith("lm-eval gsm8k");
        assertThat(suite.path("methods").path("strict-match").asDouble()).isEqualTo(100);
        assertThat(res.path("tasks").findValuesAsText("method")).contains("flexible-extract", "loglikelihood");
        JsonNode meta = JSON.readTree(run.resolve("metadata.json").toFile()).path("models");
        assertThat(meta.path("mock").path("phases").path("astronomy_test").path("method").asText()).isEqualTo("loglikelihood");
        assertThat(meta.path("mock:junk").path("phases").path("test").path("methods").path("by-value").asDouble()).isZero();
        assertThat(Files.readString(run.resolve("report.md"))).contains("## Scoring methods")
                .contains("| mock | astronomy_test | loglikelihood | lm-eval mmlu, 5-shot from 5 examples of astronomy_dev.csv |");
        assertThat(Files.readString(run.resolve("report.html"))).contains("flexible-extract 100.0 [lm-eval gsm8k");
        assertThat(org.llmbench.report.RunSummary.of(run.resolve("run.jsonl")).table())
                .contains("  mock/test: flexible-extract 100.0 [lm-eval gsm8k (Question/Answer), 5-shot")
                .contains("  mock:junk/astronomy_test: loglikelihood 0.0 [lm-eval mmlu, 5-shot");
        assertThat(Files.readString(run.resolve("manifest.json"))).contains("bench.promptFormat").contains("reference");
    }

    @Test
    void generatedTasksAreSampledToo() throws Exception {
        String out = EngineKits.freshOut();
        var results = EngineKits.mock("bench.phases", "tasks", "bench.maxTasks", "1", "bench.samples", "2",
                "bench.out", out).selectors(selectUniqueId("[engine:llm-bench]/[model:mock]")).execute();
        results.testEvents().assertStatistics(s -> s.failed(0));
        Path run;
        try (Stream<Path> runs = Files.list(Path.of(out))) {
            run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        List<JsonNode> events = Files.readAllLines(run.resolve("run.jsonl")).stream().map(PublicBenchmarksEngineTest::parse).toList();
        List<JsonNode> scores = events.stream().filter(e -> e.path("event").asText().equals("score")).toList();
        assertThat(scores).isNotEmpty().allSatisfy(e -> {
            assertThat(e.path("samples").asInt()).isEqualTo(2);
            assertThat(e.path("pass_at_k").path("2").asDouble()).isEqualTo(1);
        });
        assertThat(events.stream().filter(e -> e.path("event").asText().equals("call")).count()).isEqualTo(2L * scores.size());
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
