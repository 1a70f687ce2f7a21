package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.testing.FakeModelServer;

/**
 * The crowdsourced runner's command lines, which have no command word, as its documentation writes them (the
 * jar in place of its script; only the server's port differs, and {@code --out} keeps the run out of target/).
 */
class RunnerFormTest {

    @TempDir
    Path tmp;

    private static final String[] IDENTITY = {"--cell-id-prefix", "mac:ollama", "--submitter-handle", "alice",
            "--device-tag", "mac-m1-8gb"};

    @Test
    void flagsAloneAreAnOrdinaryCommandLine() {
        assertThat(Main.withCommand(new String[] {"--target-url", "u", "--models", "m"}))
                .containsExactly("run", "--target-url", "u", "--models", "m");
        assertThat(Main.withCommand(new String[] {"--target-url", "u", "--smoke", "--models", "m"}))
                .containsExactly("smoke", "--target-url", "u", "--models", "m");
        assertThat(Main.withCommand(new String[] {"--probe", "--target-url", "u"})).containsExactly("probe", "--target-url", "u");
        assertThat(Main.withCommand(new String[] {"run", "--smoke"})).containsExactly("run", "--smoke");
        assertThat(Main.withCommand(new String[] {"--help"})).containsExactly("--help");
        assertThat(Main.withCommand(new String[] {"--version"})).containsExactly("--version");
        assertThat(Main.withCommand(new String[0])).isEmpty();
    }

    /** With a handle the run goes to submissions/<handle>/<device>/, relative to the working directory (SPEC 8). */
    private static final Path SUBMITTED = Path.of("submissions", "alice", "mac-m1-8gb");

    @Test
    void theRunnersFourCommandLinesRun() throws IOException {
        List<Path> before = Files.isDirectory(SUBMITTED) ? runs(SUBMITTED) : List.of();
        try (FakeModelServer server = new FakeModelServer(ollamaListing("qwen3.5:0.8b"))) {
            runTheFourLines(server.baseUrl());
            List<Path> made = new ArrayList<>(runs(SUBMITTED));
            made.removeAll(before);
            assertThat(made).as("smoke, run with the default phases and --phases all").hasSize(3);
        } finally {
            if (Files.isDirectory(SUBMITTED)) {
                for (Path run : runs(SUBMITTED)) {
                    if (!before.contains(run)) {
                        SubmissionCheckTest.deleteTree(run);
                    }
                }
                for (Path dir = SUBMITTED; dir.getNameCount() > 1 && isEmpty(dir); dir = dir.getParent()) {
                    Files.delete(dir);
                }
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }

    private void runTheFourLines(String url) {
        {
            Cli smoke = cli(tmp.resolve("smoke"), "--smoke", "--target-url", url, "--models", "qwen3.5:0.8b");
            assertThat(smoke.exitCode()).as(smoke.toString()).isEqualTo(ExitCodes.OK);

            Cli probe = cli(tmp.resolve("probe"), "--probe", "--target-url", url);
            assertThat(probe.exitCode()).as(probe.toString()).isEqualTo(ExitCodes.OK);
            assertThat(probe.out()).contains("qwen3.5:0.8b");

            // The default phases and --phases all: both runs end with a run folder, whatever the answers scored.
            Cli run = cli(tmp.resolve("run"), "--target-url", url, "--models", "qwen3.5:0.8b");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);

            Cli all = cli(tmp.resolve("all"), "--target-url", url, "--models", "qwen3.5:0.8b", "--phases", "all");
            assertThat(all.exitCode()).as(all.toString()).isEqualTo(ExitCodes.OK);
            assertThat(all.out()).contains(" scored: ");
        }
    }

    private static Cli cli(Path out, String... args) {
        List<String> line = new ArrayList<>(List.of(args));
        line.addAll(List.of(IDENTITY));
        line.addAll(List.of("--out", out.toString()));
        return Cli.run(line.toArray(String[]::new));
    }

    private static List<Path> runs(Path out) throws IOException {
        try (var files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().startsWith("run-")).toList();
        }
    }

    /** An Ollama that lists one model and answers every chat with a short sentence. */
    private static FakeModelServer.Behaviour ollamaListing(String model) {
        return (request, exchange) -> {
            if (request.path().equals("/api/tags")) {
                FakeModelServer.send(exchange, 200, "application/json", "{\"models\":[{\"name\":\"" + model
                        + "\",\"model\":\"" + model + "\",\"size\":1000}]}");
            } else if (request.path().equals("/api/chat")) {
                answer(exchange);
            } else {
                FakeModelServer.send(exchange, 404, "text/plain", "not found");
            }
        };
    }

    private static void answer(HttpExchange exchange) throws IOException {
        FakeModelServer.send(exchange, 200, "application/json", "{\"model\":\"m\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\"Hello there.\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":5,"
                + "\"eval_count\":3}");
    }
}
