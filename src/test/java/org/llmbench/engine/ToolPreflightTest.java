package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.llmbench.model.ModelClients;
import org.llmbench.testing.FakeModelServer;
import org.llmbench.testing.FakeToolServer;
import org.llmbench.testing.FakeToolServer.Answer;
import org.llmbench.testing.FakeToolServer.Format;

/** Before a native tools phase: a llama-server without --jinja, or an Ollama model without tools, is said at once with the fix. */
class ToolPreflightTest {

    private static List<DiscoveryIssue> errors(String url, String provider, String... more) {
        EngineTestKit.Builder kit = EngineKits.engine(new LlmBenchTestEngine(ModelClients::create))
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("bench.phases", "tools")
                .configurationParameter("bench.preflight", "true")
                .configurationParameter("bench.model", "fake-model")
                .configurationParameter("bench.provider", provider)
                .configurationParameter("bench.url", url)
                .configurationParameter("bench.retries", "0")
                .selectors(selectClass(EngineKits.ENTRY_CLASS));
        for (int i = 0; i + 1 < more.length; i += 2) {
            kit.configurationParameter(more[i], more[i + 1]);
        }
        return kit.discover().getDiscoveryIssues().stream().filter(i -> i.severity() == DiscoveryIssue.Severity.ERROR).toList();
    }

    @Test
    void llamaServerWithoutJinjaIsAnErrorNamingTheFix() throws Exception {
        try (var server = new FakeModelServer(FakeToolServer.behaviour(Format.LLAMA_NO_JINJA, r -> Answer.text("pong")))) {
            List<DiscoveryIssue> errors = errors(server.openAiUrl(), "openai");
            assertThat(errors).singleElement().extracting(DiscoveryIssue::message).asString()
                    .contains("refuses tools", "tools param requires --jinja flag", "--jinja", "bench.toolMode=prompted");
            // Prompted mode sends no tools: nothing to refuse.
            assertThat(errors(server.openAiUrl(), "openai", "bench.toolMode", "prompted")).isEmpty();
        }
    }

    @Test
    void anOllamaModelWithoutToolsIsAnErrorAndAServerWithToolsPasses() throws Exception {
        FakeModelServer.Behaviour noTools = (request, exchange) -> {
            if (request.path().equals("/api/tags")) {
                FakeModelServer.send(exchange, 200, "application/json", "{\"models\":[{\"name\":\"fake-model\",\"model\":\"fake-model\"}]}");
            } else {
                FakeModelServer.send(exchange, 400, "application/json",
                        "{\"error\":\"registry.ollama.ai/library/fake-model:latest does not support tools\"}");
            }
        };
        try (var server = new FakeModelServer(noTools)) {
            assertThat(errors(server.baseUrl(), "ollama")).singleElement().extracting(DiscoveryIssue::message).asString()
                    .contains("has no tool support", "does not support tools");
        }
        try (var server = new FakeModelServer(FakeToolServer.behaviour(Format.OPENAI_STREAM, r -> Answer.text("pong")))) {
            assertThat(errors(server.openAiUrl(), "openai")).isEmpty();
            assertThat(server.chatRequests()).singleElement().satisfies(r -> assertThat(r.body().has("tools")).isTrue());
        }
    }
}
