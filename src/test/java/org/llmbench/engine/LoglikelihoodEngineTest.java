package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.llmbench.model.ModelClients;
import org.llmbench.testing.FakeModelServer;

/**
 * MMLU by log-likelihood ({@code bench.method=loglikelihood}, or the reference prompt format) end to end: the mock scores 100 and mock:junk 0 with
 * no chat call; each call carries every letter's log-likelihood in the ledger; a replay re-scores from them (choosing
 * again, not trusting the recorded choice); a server without log-probabilities falls back to generative, said once.
 */
class LoglikelihoodEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String MMLU = "Largest planet?,Mars,Jupiter,Venus,Earth,B\n"
            + "Closest star?,Sirius,Vega,The Sun,Polaris,C\nRed planet?,Mars,Jupiter,Venus,Earth,A\n";

    @TempDir
    Path suites;

    @TempDir
    Path forgedRun;

    private Path run(String out) throws Exception {
        try (Stream<Path> runs = Files.list(Path.of(out))) {
            return runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private static List<JsonNode> events(Path run, String kind) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("run.jsonl"))) {
            JsonNode e = JSON.readTree(line);
            if (e.path("event").asText().equals(kind)) {
                out.add(e);
            }
        }
        return out;
    }

    /** A model's entry of results.json. */
    private static JsonNode model(Path run, String model) throws Exception {
        for (JsonNode m : JSON.readTree(run.resolve("results.json").toFile()).path("models")) {
            if (m.path("model").asText().equals(model)) {
                return m;
            }
        }
        throw new AssertionError("no " + model + " in results.json");
    }

    @Test
    void theMockScores100AndJunk0ByLogLikelihoodAndAReplayRescoresFromTheRecord() throws Exception {
        Files.writeString(suites.resolve("astronomy_test.csv"), MMLU);
        String out = EngineKits.freshOut();
        EngineKits.mock("bench.model", "mock,mock:junk", "bench.phases", "astronomy_test", "bench.suites", suites.toString(),
                "bench.method", "loglikelihood", "bench.out", out).selectors(selectUniqueId("[engine:llm-bench]/[model:mock]"),
                        selectUniqueId(org.junit.platform.engine.UniqueId.forEngine("llm-bench").append("model", "mock:junk"))).execute()
                .testEvents().assertStatistics(s -> s.started(6).succeeded(3).failed(3));
        Path run = run(out);
        List<JsonNode> calls = events(run, "call");
        assertThat(calls).hasSize(6).allSatisfy(c -> {
            assertThat(c.path("messages")).hasSize(1);
            assertThat(c.path("messages").get(0).path("role").asText()).isEqualTo("prompt");
            assertThat(c.path("messages").get(0).path("content").asText()).matches("(?s).*\nD\\. (Earth|Polaris)\nAnswer:");
            assertThat(c.path("logprobs").path("letters").size()).isEqualTo(4);
        });
        JsonNode first = calls.stream().filter(c -> c.path("model").asText().equals("mock")).findFirst().orElseThrow();
        assertThat(first.path("logprobs").path("chosen").asText()).isEqualTo("B");
        assertThat(first.path("raw_output").asText()).isEqualTo("B");
        assertThat(events(run, "score")).allSatisfy(s -> {
            assertThat(s.path("checks").get(0).path("name").asText()).isEqualTo("loglikelihood");
            assertThat(s.path("methods").path("headline").asText()).isEqualTo("loglikelihood");
        });
        JsonNode junkScore = events(run, "score").stream().filter(s -> s.path("model").asText().equals("mock:junk")).findFirst().orElseThrow();
        assertThat(junkScore.path("checks").get(0).path("reason").asText()).contains("no answer letter among the top 20");
        assertThat(model(run, "mock").path("score_percent").asDouble()).isEqualTo(100);
        assertThat(model(run, "mock:junk").path("score_percent").asDouble()).isZero();

        // Replay: the same scores from the recorded log-probabilities, with no model.
        String again = EngineKits.freshOut();
        EngineKits.mock("bench.replay", run.resolve("run.jsonl").toString(), "bench.model", "mock", "bench.phases", "astronomy_test",
                "bench.suites", suites.toString(), "bench.out", again).selectors(selectUniqueId("[engine:llm-bench]/[model:mock]")).execute()
                .testEvents().assertStatistics(s -> s.started(3).succeeded(3));
        assertThat(events(run(again), "call")).allSatisfy(c -> assertThat(c.path("logprobs").isObject()).isTrue());

        // A ledger whose recorded choice disagrees with its letters: the replay chooses again, from the letters.
        List<String> tampered = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("run.jsonl"))) {
            JsonNode e = JSON.readTree(line);
            if (e.path("event").asText().equals("call") && e.path("model").asText().equals("mock")) {
                ObjectNode letters = (ObjectNode) e.path("logprobs").path("letters");
                List<String> names = new ArrayList<>();
                letters.fieldNames().forEachRemaining(names::add);
                names.forEach(l -> letters.put(l, -4.0));
                letters.put("D", -0.01);
                line = e.toString();
            }
            tampered.add(line);
        }
        Files.copy(run.resolve("manifest.json"), forgedRun.resolve("manifest.json"));
        Path forged = forgedRun.resolve("run.jsonl");
        Files.write(forged, tampered);
        String third = EngineKits.freshOut();
        EngineKits.mock("bench.replay", forged.toString(), "bench.model", "mock", "bench.phases", "astronomy_test",
                "bench.suites", suites.toString(), "bench.out", third).selectors(selectUniqueId("[engine:llm-bench]/[model:mock]")).execute()
                .testEvents().assertStatistics(s -> s.started(3).failed(3));
    }

    @Test
    void theReferencePromptFormatScoresMmluByLogLikelihoodAfterItsFiveShotPrompt() throws Exception {
        Files.writeString(suites.resolve("astronomy_test.csv"), MMLU);
        Files.writeString(suites.resolve("astronomy_dev.csv"), "Q1?,a,b,c,d,A\nQ2?,a,b,c,d,B\nQ3?,a,b,c,d,C\n"
                + "Q4?,a,b,c,d,D\nQ5?,a,b,c,d,A\nQ6?,a,b,c,d,B\n");
        String out = EngineKits.freshOut();
        EngineKits.mock("bench.phases", "astronomy_test", "bench.suites", suites.toString(), "bench.promptFormat", "reference",
                "bench.out", out).selectors(selectUniqueId("[engine:llm-bench]/[model:mock]")).execute()
                .testEvents().assertStatistics(s -> s.started(3).succeeded(3));
        Path run = run(out);
        String prompt = events(run, "call").get(0).path("messages").get(0).path("content").asText();
        assertThat(prompt).contains("Q1?\nA. a\n", "Q5?\n", "\nAnswer: A\n\n").doesNotContain("Q6?").endsWith("D. Earth\nAnswer:");
        assertThat(events(run, "score")).allSatisfy(s -> {
            assertThat(s.path("methods").path("headline").asText()).isEqualTo("loglikelihood");
            assertThat(s.path("score").asDouble()).isEqualTo(100);
        });
    }

    @Test
    void aServerWithoutLogprobsFallsBackToGenerativeAndSaysSoOnce() throws Exception {
        Files.writeString(suites.resolve("astronomy_test.csv"), MMLU);
        FakeModelServer.Behaviour chat = FakeModelServer.answering(r -> {
            String q = r.lastUserMessage();
            return q.contains("Largest") ? "B" : q.contains("Closest") ? "C" : "A";
        });
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        BenchConsole console = new BenchConsole(() -> new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                () -> new PrintStream(err, true, StandardCharsets.UTF_8));
        try (var server = new FakeModelServer((r, ex) -> {
            if (r.path().endsWith("/v1/completions")) {
                FakeModelServer.send(ex, 200, "application/json", "{\"choices\":[{\"index\":0,\"text\":\" B\",\"finish_reason\":\"length\"}]}");
            } else {
                chat.answer(r, ex);
            }
        })) {
            String out = EngineKits.freshOut();
            EngineTestKit.engine(new LlmBenchTestEngine(ModelClients::create, console)).enableImplicitConfigurationParameters(false)
                    .configurationParameter("bench.model", "fake-model").configurationParameter("bench.url", server.openAiUrl())
                    .configurationParameter("bench.phases", "astronomy_test").configurationParameter("bench.suites", suites.toString())
                    .configurationParameter("bench.method", "loglikelihood").configurationParameter("bench.preflight", "false")
                    .configurationParameter("bench.out", out).selectors(selectUniqueId("[engine:llm-bench]/[model:fake-model]")).execute()
                    .testEvents().assertStatistics(s -> s.started(3).succeeded(3));
            List<String> notices = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("no log-probabilities")).toList();
            assertThat(notices).hasSize(1);
            assertThat(notices.get(0)).contains(server.openAiUrl() + "/completions", "generative", "llama-server or vLLM");
            assertThat(server.requests().stream().filter(r -> r.path().endsWith("/v1/completions")).count()).isEqualTo(1);
            List<JsonNode> calls = events(run(out), "call");
            assertThat(calls).hasSize(3).allSatisfy(c -> assertThat(c.has("logprobs")).isFalse());
        }
    }
}
