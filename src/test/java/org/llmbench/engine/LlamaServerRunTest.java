package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.model.ModelClients;
import org.llmbench.testing.FakeModelServer;

/** A run against a fake llama.cpp llama-server: what it reports reaches the ledger as it was sent. */
class LlamaServerRunTest {

    @TempDir
    Path dir;

    @Test
    void anErrorLineAfterTheStatusIsTheCallsErrorWithTheServersMessageStatusAndStream() throws Exception {
        String line = "error: {\"code\":500,\"message\":\"Input prompt is too big compared to KV size. Please try increasing"
                + " KV size.\",\"type\":\"server_error\"}\n\n";
        FakeModelServer.Behaviour tooBig = (request, exchange) -> FakeModelServer.stream(exchange, "text/event-stream",
                List.of(line), 0);
        try (FakeModelServer server = new FakeModelServer(tooBig)) {
            BenchRun.Outcome run = BenchRun.run(ModelClients::create, BenchRun.suite(dir, "big", "a long prompt"),
                    dir.resolve("out"), Map.of("bench.model", FakeModelServer.LLAMA_SERVER_ID, "bench.url", server.openAiUrl(),
                            "bench.retries", "0"));
            JsonNode call = run.calls().get(0);
            System.out.println("ledger call: " + call);
            assertThat(call.path("error_kind").asText()).isEqualTo("server_error");
            assertThat(call.path("error").asText()).contains("error 500").contains("Input prompt is too big compared to KV size");
            assertThat(call.path("http_status").asInt()).isEqualTo(200);
            assertThat(call.path("streamed").asBoolean()).isTrue();
        }
    }

    /**
     * Like the real llama-server with a 512-token slot: it counts the whole conversation until it passes the cap,
     * then by turns the part it kept (the count falls) and the whole again (885, 297, 1236, 431, 1639, ... there).
     */
    private static FakeModelServer.Behaviour cuttingAt(int cap) {
        java.util.concurrent.atomic.AtomicInteger over = new java.util.concurrent.atomic.AtomicInteger();
        return (request, exchange) -> {
            int chars = 0;
            for (JsonNode m : request.body().path("messages")) {
                chars += m.path("content").asText().length();
            }
            int prompt = chars <= cap ? chars : over.getAndIncrement() % 2 == 0 ? cap / 2 : chars;
            FakeModelServer.send(exchange, 200, "application/json", FakeModelServer.openAiCompletion(
                    "Understood: the code word is COBALT-HERON-58.", prompt, 12));
        };
    }

    @Test
    void aPromptCountThatFallsWhileTheConversationGrowsIsRecordedTurnByTurnAndReported() throws Exception {
        try (FakeModelServer server = new FakeModelServer(cuttingAt(900))) {
            java.nio.file.Path out = dir.resolve("out");
            var results = EngineKits.engine(new LlmBenchTestEngine(ModelClients::create))
                    .configurationParameter("bench.model", FakeModelServer.LLAMA_SERVER_ID)
                    .configurationParameter("bench.url", server.openAiUrl())
                    .configurationParameter("bench.out", out.toString())
                    .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectFile("suites/edge_append.json"))
                    .execute();
            JsonNode figures = PhaseEvents.of(results, "edge_append");
            int from = figures.path("context_cut_from_turn").asInt();
            assertThat(from).isGreaterThan(1);
            assertThat(figures.path("stopped_because").asText()).startsWith("the server cut the context from turn " + from)
                    .isNotEqualTo("questions ran out");
            JsonNode turns = figures.path("turns");
            for (JsonNode t : turns) {
                assertThat(t.path("context_cut").asBoolean()).as("turn " + t.path("turn")).isEqualTo(t.path("turn").asInt() >= from);
            }
            assertThat(turns.get(from - 1).path("context_cut_because").asText()).contains("fewer than the");
            assertThat(turns.get(from).path("prompt_tokens").asLong()).as("the whole count again")
                    .isGreaterThan(turns.get(from - 2).path("prompt_tokens").asLong());
            assertThat(turns.get(from).path("context_cut_because").asText()).contains("which the server already cut");
            assertThat(figures.path("context_cut_turns").asInt()).isEqualTo(turns.size() - from + 1);
            java.nio.file.Path folder = org.llmbench.testing.BenchLauncher.latestRun(out);
            assertThat(java.nio.file.Files.readString(folder.resolve("report.md"))).contains("## Context cut by the server")
                    .contains("the server cut the context from turn " + from);
        }
    }

    @Test
    void whatCountsAsACut() {
        var ok = org.llmbench.model.CallResult.answer("a", 1, 1, 500, 5, false);
        assertThat(AppendConversationDescriptor.contextCut(ok, 400)).isNull();
        assertThat(AppendConversationDescriptor.contextCut(ok, 885)).contains("500").contains("885");
        var estimated = org.llmbench.model.CallResult.answer("a", 1, 1, 500, 5, true);
        assertThat(AppendConversationDescriptor.contextCut(estimated, 885)).as("an estimate is no server count").isNull();
        var ollama = new org.llmbench.model.CallResult("a", null, null, null, 200, 1L, 1L, 40, 5, false, "stop", 1,
                List.of(), Map.of("prompt_eval_count", 40), 1, 1);
        assertThat(AppendConversationDescriptor.contextCut(ollama, 885)).as("Ollama counts only what it evaluated").isNull();
        var flagged = new org.llmbench.model.CallResult("a", null, null, null, 200, 1L, 1L, 900, 5, false, "stop", 1,
                List.of(), Map.of("truncated", true), 1, 1);
        assertThat(AppendConversationDescriptor.contextCut(flagged, 100)).contains("says it truncated");
    }
}
