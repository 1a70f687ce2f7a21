package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.llmbench.model.ModelClients;
import org.llmbench.testing.FakeModelServer;

/** {@code bench.model=a,b,c} runs each model as its own container; {@code bench.model=auto} asks the server. */
class ModelSelectionTest {

    @TempDir
    Path dir;

    @Test
    void severalModelsAreSeveralContainersAndTheManifestListsThem() throws Exception {
        Path suite = BenchRun.suite(dir, "one", "Say hello");
        try (var server = new FakeModelServer(FakeModelServer.streaming(r -> "hello", 0))) {
            BenchRun.Outcome outcome = BenchRun.run(ModelClients::create, suite, dir.resolve("out"),
                    Map.of("bench.model", "alpha,beta,gamma", "bench.provider", "openai", "bench.url", server.openAiUrl()));

            // Besides the chat calls, one GET of /v1/models for the manifest's model details.
            assertThat(server.requests()).filteredOn(r -> r.body() != null).extracting(r -> r.body().path("model").asText())
                    .containsExactly("alpha", "beta", "gamma");
            var manifest = new ObjectMapper().readTree(Files.readString(outcome.folder().resolve("manifest.json")));
            assertThat(manifest.path("models").toString()).isEqualTo("[\"alpha\",\"beta\",\"gamma\"]");
            assertThat(outcome.calls()).extracting(c -> c.path("test_id").asText()).allMatch(id -> id.contains("[suite:one]"))
                    .anyMatch(id -> id.contains("[model:beta]"));
        }
    }

    @Test
    void autoExpandsToTheModelsTheServerLists() throws Exception {
        Path suite = BenchRun.suite(dir, "one", "Say hello");
        try (var server = new FakeModelServer((request, exchange) -> {
            if (request.path().equals("/api/tags")) {
                FakeModelServer.send(exchange, 200, "application/json",
                        "{\"models\":[{\"name\":\"qwen3:0.6b\"},{\"name\":\"llama3.2:1b\"}]}");
            } else {
                FakeModelServer.streaming(r -> "hello", 0).answer(request, exchange);
            }
        })) {
            var results = EngineKits.engine(new LlmBenchTestEngine(ModelClients::create))
                    .configurationParameters(Map.of("bench.model", "auto", "bench.url", server.baseUrl()))
                    .selectors(selectFile(suite.toFile()))
                    .execute();

            results.testEvents().assertStatistics(s -> s.finished(2));
            List<String> models = server.requests().stream().filter(r -> r.path().equals("/api/chat"))
                    .map(r -> r.body().path("model").asText()).toList();
            assertThat(models).containsExactly("qwen3:0.6b", "llama3.2:1b");
        }
    }

    @Test
    void autoAgainstAnUnreachableServerIsADiscoveryIssueNamingTheUrl() throws Exception {
        Path suite = BenchRun.suite(dir, "one", "Say hello");
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var discovery = EngineTestKit.discover(new LlmBenchTestEngine(ModelClients::create),
                org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
                        .configurationParameters(Map.of("bench.model", "auto", "bench.url", "http://127.0.0.1:" + port,
                                "bench.retries", "0"))
                        .selectors(selectFile(suite.toFile())).build());

        assertThat(discovery.getDiscoveryIssues()).anySatisfy(issue -> {
            assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.ERROR);
            assertThat(issue.message()).contains("bench.model=auto").contains("127.0.0.1:" + port).contains("connection");
        });
        assertThat(discovery.getEngineDescriptor().getDescendants()).isEmpty();
    }
}
