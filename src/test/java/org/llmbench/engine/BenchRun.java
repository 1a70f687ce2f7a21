package org.llmbench.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.llmbench.config.BenchConfig;
import org.llmbench.cli.RunConsoleListener;
import org.llmbench.model.ModelClient;

/**
 * Runs the engine the way Surefire and the CLI do, through the Launcher API with the ledger listener, on a
 * suite written to a temporary folder; captures the console. Tests read the run folder it leaves under {@code out}.
 */
final class BenchRun {

    /** What a run left: the run folder (null when none was written) and everything printed to the console. */
    record Outcome(Path folder, String console) {
        List<com.fasterxml.jackson.databind.JsonNode> ledger() throws IOException {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            List<com.fasterxml.jackson.databind.JsonNode> events = new java.util.ArrayList<>();
            for (String line : Files.readAllLines(folder.resolve("run.jsonl"))) {
                events.add(mapper.readTree(line));
            }
            return events;
        }

        List<com.fasterxml.jackson.databind.JsonNode> calls() throws IOException {
            return ledger().stream().filter(e -> e.path("event").asText().equals("call")).toList();
        }
    }

    private BenchRun() {
    }

    /** A suite file with one question per prompt, ids Q1, Q2, ... */
    static Path suite(Path dir, String name, String... prompts) throws IOException {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = mapper.createObjectNode().put("suite_name", name).put("version", "1");
        var questions = root.putArray("questions");
        for (int i = 0; i < prompts.length; i++) {
            questions.addObject().put("id", "Q" + (i + 1)).put("prompt", prompts[i]).putArray("required_markers").add("hello");
        }
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        return file;
    }

    static Outcome run(Function<BenchConfig, ModelClient> clients, Path suite, Path out, Map<String, String> parameters)
            throws IOException {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectFile(suite.toFile()))
                // Fault servers script their answers, listing included: the pre-flight has its own tests.
                .configurationParameter("bench.preflight", "false")
                .configurationParameters(parameters)
                .configurationParameter("bench.out", out.toString())
                .build();
        var launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .addTestEngines(new LlmBenchTestEngine(clients))
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(new RunConsoleListener())
                .build());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        try {
            System.setOut(capture);
            System.setErr(capture);
            launcher.execute(request);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        Path folder;
        try (Stream<Path> runs = Files.list(out)) {
            folder = runs.filter(p -> p.getFileName().toString().startsWith("run-")).findFirst().orElse(null);
        }
        return new Outcome(folder, console.toString(StandardCharsets.UTF_8));
    }
}
