package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.testing.FakeModelServer;

/** probe and smoke against a local OpenAI-compatible server, a built-in model, and a server that is not there. */
class ProbeTest {

    @TempDir
    Path tmp;

    @Test
    void probeListsTheServersModelsAndGreetsTheFirstWritingNothing() throws IOException {
        try (FakeModelServer server = new FakeModelServer(FakeModelServer.answering(r -> "Hello there!"))) {
            Cli cli = Cli.run("probe", "--url", server.openAiUrl(), "--out", tmp.toString());

            assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.OK);
            assertThat(cli.out()).contains("provider: openai").contains("  fake-model")
                    .contains("hello fake-model: \"Hello there!\"");
            assertThat(server.requests()).extracting(FakeModelServer.Request::path)
                    .contains("/v1/models", "/v1/chat/completions");
            assertThat(server.requests().stream().filter(r -> r.body() != null).findFirst().orElseThrow()
                    .lastUserMessage()).isEqualTo("Say hello in one short sentence.");
        }
        try (var written = Files.list(tmp)) {
            assertThat(written).isEmpty();
        }
    }

    @Test
    void probeGreetsLlamaServersPathIdOnTheServerItPrints() {
        try (FakeModelServer server = new FakeModelServer(FakeModelServer.llamaServer(r -> "Hello there!"))) {
            Cli cli = Cli.run("probe", "--url", server.openAiUrl(), "--retries", "0");

            assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.OK);
            assertThat(cli.out()).contains("probing openai at " + server.openAiUrl())
                    .contains("provider: openai, url: " + server.openAiUrl())
                    .contains("hello " + FakeModelServer.LLAMA_SERVER_ID + ": \"Hello there!\"");
            assertThat(server.chatRequests()).singleElement().satisfies(r -> assertThat(r.body().path("model").asText())
                    .isEqualTo(FakeModelServer.LLAMA_SERVER_ID));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aModelsAnswerWithTerminalControlsIsPrintedEscaped() throws IOException {
        // Clear the screen, set the window title, reverse the rest of the line: none of it may reach the terminal.
        try (FakeModelServer server = new FakeModelServer(FakeModelServer.answering(r -> "\u001b[2J\u001b]0;pwned\u0007Hi \u202eereht"))) {
            Cli cli = Cli.run("probe", "--url", server.openAiUrl(), "--out", tmp.toString());

            assertThat(cli.out()).contains("hello fake-model: \"\\u001b[2J\\u001b]0;pwned\\u0007Hi \\u202eereht\"")
                    .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e");
        }
    }

    @Test
    void probeWithNoFlagsProbesOllamasDefaultUrlNotTheMock() {
        Cli cli = Cli.run("probe", "--retries", "0");

        assertThat(cli.out()).as(cli.toString()).contains("probing ollama at http://127.0.0.1:11434")
                .doesNotContain("provider: mock");
        assertThat(cli.toString()).doesNotContain("hello mock");
    }

    @Test
    void probeWithMockSaysItProbesTheBuiltInMock() {
        Cli cli = Cli.run("probe", "--mock");

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("probing the built-in mock (no server)").contains("hello mock: \"Hello!");
    }

    @Test
    void probeOfTheBuiltInMock() {
        Cli cli = Cli.run("probe", "--model", "mock");

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("provider: mock").contains("hello mock: \"Hello!");
    }

    @Test
    void probeOfAServerThatIsNotThereExitsWithModelError() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Cli cli = Cli.run("probe", "--url", "http://127.0.0.1:" + port + "/v1", "--model", "m", "--retries", "0",
                "--timeout", "5");

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.MODEL);
        assertThat(cli.err()).contains("cannot list the models").contains("connection");
    }

    @Test
    void probeReportsAFailedHelloCall() throws IOException {
        FakeModelServer.Behaviour listsButFails = (request, exchange) -> {
            if (request.path().endsWith("/models")) {
                FakeModelServer.send(exchange, 200, "application/json", "{\"data\":[{\"id\":\"m\"}]}");
            } else {
                FakeModelServer.send(exchange, 400, "application/json", "{\"error\":{\"message\":\"model not loaded\"}}");
            }
        };
        try (FakeModelServer server = new FakeModelServer(listsButFails)) {
            Cli cli = Cli.run("probe", "--url", server.openAiUrl(), "--retries", "0");

            assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.MODEL);
            assertThat(cli.out()).contains("hello m: http_4xx");
        }
    }

    @Test
    void smokeAgainstALocalServerWritesALedgerWithOneCall() throws IOException {
        try (FakeModelServer server = new FakeModelServer(FakeModelServer.answering(r -> "Hello, friend."))) {
            Cli cli = Cli.run("smoke", "--url", server.openAiUrl(), "--out", tmp.toString());

            assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.OK);
            assertThat(cli.out()).contains("hello fake-model: score 100.0");
            Path ledger = CommandsTest.onlyRun(tmp).resolve("run.jsonl");
            assertThat(Files.readString(ledger)).contains("\"raw_output\":\"Hello, friend.\"");
        }
    }
}
