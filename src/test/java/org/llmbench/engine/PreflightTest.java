package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.llmbench.model.CallFailure;
import org.llmbench.model.ModelClients;
import org.llmbench.testing.FakeModelServer;

/** Before anything runs: no server, a model the server lacks, and a server that cannot list, each said at once. */
class PreflightTest {

    private static EngineTestKit.Builder kit(String... keyValues) {
        EngineTestKit.Builder kit = EngineKits.engine(new LlmBenchTestEngine(ModelClients::create))
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("bench.phases", "hello")
                .configurationParameter("bench.preflight", "true")
                .selectors(selectClass(EngineKits.ENTRY_CLASS));
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            kit.configurationParameter(keyValues[i], keyValues[i + 1]);
        }
        return kit;
    }

    private static List<DiscoveryIssue> errors(EngineTestKit.Builder kit) {
        return kit.discover().getDiscoveryIssues().stream()
                .filter(i -> i.severity() == DiscoveryIssue.Severity.ERROR).toList();
    }

    @Test
    void noServerIsOneErrorNamingTheUrlAndTheFixWithinSeconds() throws Exception {
        String url = "http://127.0.0.1:" + org.llmbench.testing.Ports.closed();
        long start = System.nanoTime();
        List<DiscoveryIssue> errors = errors(kit("bench.model", "qwen3.5:0.8b", "bench.url", url));
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(ms).as("time to the error").isLessThan(10_000);
        assertThat(errors).singleElement().satisfies(issue -> {
            assertThat(issue.message()).contains("cannot reach the model server at " + url).contains("ollama serve")
                    .contains("bench.preflight=false");
            assertThat(issue.cause()).get().isInstanceOf(CallFailure.class);
        });
    }

    @Test
    void aModelTheServerDoesNotListIsAnErrorWithWhatItListsAndHowToGetIt() throws Exception {
        try (FakeModelServer server = new FakeModelServer(FakeModelServer.streaming(r -> "hi", 0))) {
            List<DiscoveryIssue> errors = errors(kit("bench.model", "qwen3.5:0.8b", "bench.url", server.baseUrl()));

            assertThat(errors).singleElement().satisfies(issue -> assertThat(issue.message())
                    .contains("model 'qwen3.5:0.8b' is not listed by the server at " + server.baseUrl())
                    .contains("it lists: fake:1b").contains("ollama pull qwen3.5:0.8b"));
        }
    }

    @Test
    void aListedModelPassesAndAnUntaggedNameMeansLatest() throws Exception {
        try (FakeModelServer server = new FakeModelServer(FakeModelServer.streaming(r -> "hi", 0))) {
            assertThat(errors(kit("bench.model", "fake:1b", "bench.url", server.baseUrl()))).isEmpty();
        }
    }

    @Test
    void aServerThatCannotListRunsWhenThePreflightIsOff() throws Exception {
        FakeModelServer.Behaviour noListing = (request, exchange) -> {
            if (request.method().equals("GET")) {
                FakeModelServer.send(exchange, 404, "text/plain", "no such route");
            } else {
                FakeModelServer.send(exchange, 200, "application/json", FakeModelServer.openAiCompletion("Hello!", 3, 2));
            }
        };
        try (FakeModelServer server = new FakeModelServer(noListing)) {
            assertThat(errors(kit("bench.model", "m", "bench.url", server.openAiUrl()))).hasSize(1);
            kit("bench.model", "m", "bench.url", server.openAiUrl(), "bench.preflight", "false").execute()
                    .testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        }
    }

    @Test
    void llamaServersPathIdIsAServerModelAndTheHintNamesTheCommandThatWorks() throws Exception {
        String id = FakeModelServer.LLAMA_SERVER_ID;
        try (FakeModelServer server = new FakeModelServer(FakeModelServer.llamaServer(r -> "Once upon a time"))) {
            String url = server.openAiUrl();
            assertThat(errors(kit("bench.model", "stories260K", "bench.url", url))).singleElement()
                    .satisfies(issue -> assertThat(issue.message()).contains("it lists: " + id)
                            .contains("Fix: `--url " + url + " --model " + id + "`")
                            .contains("-Dbench.url=" + url + " -Dbench.model=" + id));
            // doing what the hint says calls the server (a `.gguf` name with a URL is the server's id, not a file)
            kit("bench.model", id, "bench.url", url).execute().testEvents()
                    .assertStatistics(s -> s.started(1).finished(1));
            assertThat(server.chatRequests()).singleElement()
                    .satisfies(r -> assertThat(r.body().path("model").asText()).isEqualTo(id));
        }
    }
}
