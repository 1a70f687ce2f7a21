package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command run in-process with its main arguments, checked by exit code and output. */
class CommandsTest {

    @TempDir
    Path tmp;

    @Test
    void runWritesACompleteRunFolderAndExitsZero() throws IOException {
        Cli cli = Cli.run("run", "--model", "mock", "--phases", "hello,5q", "--out", tmp.toString());

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("6 scored: 6 passed, 0 below their pass mark").contains("weighted total 100.00");
        Path folder = onlyRun(tmp);
        assertThat(folder.resolve("run.jsonl")).isNotEmptyFile();
        assertThat(folder.resolve("manifest.json")).isNotEmptyFile();
        assertThat(folder.resolve("hardware.json")).isNotEmptyFile();
        assertThat(folder.resolve("results.json")).isNotEmptyFile();
        assertThat(Files.readString(folder.resolve("run.md"))).contains("## Privacy attestation", "- [ ]",
                "java -jar target/llm-bench.jar run --model mock --out " + org.llmbench.config.SharedPaths.of(tmp.toString())
                        + " --phases hello,5q");
    }

    @Test
    void anOutEndingInJsonIsTheResultsFileAndTheRunFolderGoesWhereItGoes() throws IOException {
        Path results = tmp.resolve("results.json");
        Cli cli = Cli.run("run", "--model", "mock", "--phases", "hello", "-D", "bench.out=" + tmp.resolve("runs"),
                "--out", results.toString());

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.OK);
        assertThat(results).isRegularFile();
        Path folder = onlyRun(tmp.resolve("runs"));
        assertThat(cli.out()).contains("[llm-bench] results: " + results + " (run folder: " + folder + ")");
        JsonNode summary = new ObjectMapper().readTree(results.toFile()).path("summary");
        assertThat(summary.path("total_score").asDouble()).isEqualTo(100.0);
        assertThat(summary.path("score_percent").asDouble()).isEqualTo(100.0);
        assertThat(Files.readString(results)).isEqualTo(Files.readString(folder.resolve("results.json")));
    }

    @Test
    void mockMeansTheBuiltInMockWhateverTheConfigFileSays() throws IOException {
        Path config = Files.writeString(tmp.resolve("config.json"), """
                {"model": {"provider": "openai_compatible", "base_url": "http://127.0.0.1:9/v1", "model_name": "qwen"}}
                """);
        for (String[] flags : new String[][] {{"--mock"}, {"--model", "mock"}}) {
            Path out = tmp.resolve("out-" + flags.length);
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", "--config", config.toString(),
                    "--phases", "hello", "--out", out.toString(), "--retries", "0"));
            args.addAll(java.util.List.of(flags));

            Cli cli = Cli.run(args.toArray(String[]::new));

            assertThat(cli.exitCode()).as(String.join(" ", flags) + "\n" + cli).isEqualTo(ExitCodes.OK);
            JsonNode manifest = new ObjectMapper().readTree(onlyRun(out).resolve("manifest.json").toFile());
            assertThat(manifest.path("provider").asText()).isEqualTo("mock");
            assertThat(manifest.path("models").get(0).asText()).isEqualTo("mock");
        }
    }

    @Test
    void theSingleFileRunnersFlagsAreAliases() throws IOException {
        Path out = tmp.resolve("runs");
        Cli cli = Cli.run("run", "--models", "mock", "--target-url", "http://127.0.0.1:9", "--device-tag", "box-1",
                "--out-dir", out.toString(), "--phases", "hello");

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.OK);
        JsonNode manifest = new ObjectMapper().readTree(onlyRun(out).resolve("manifest.json").toFile());
        assertThat(manifest.path("models").get(0).asText()).isEqualTo("mock");
        assertThat(manifest.path("target_url").asText()).isEqualTo("http://127.0.0.1:9");
        assertThat(Cli.run("run", "--help").out()).contains("--models", "--target-url", "--submitter-handle",
                "--device-tag", "--out-dir", "--mock");
    }

    @Test
    void runRecordsFlagsAsDeviationsAndPassesThemToTheEngine() throws IOException {
        Cli cli = Cli.run("run", "--model", "mock", "--phases", "hello", "--out", tmp.toString(),
                "--temperature", "0.7", "--num-predict", "512", "--seed", "7");

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.OK);
        JsonNode manifest = new ObjectMapper().readTree(onlyRun(tmp).resolve("manifest.json").toFile());
        assertThat(manifest.path("canonical_options_overrides").path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(manifest.path("canonical_options_overrides").path("num_predict").asInt()).isEqualTo(512);
        assertThat(manifest.path("options").path("seed").asInt()).isEqualTo(7);
        assertThat(Files.readString(onlyRun(tmp).resolve("run.md"))).contains("`temperature` = 0.7 (canonical: 0.1)");
    }

    @Test
    void runBelowMinScoreExitsWithFindings() {
        Cli cli = Cli.run("run", "--model", "mock:junk", "--phases", "5q", "--out", tmp.toString(), "--min-score", "70");

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(cli.err()).contains("quality gate");
    }

    @Test
    void runWhoseEveryCallFailsExitsWithModelError() {
        Cli cli = Cli.run("run", "--model", "mock:failing", "--phases", "hello", "--out", tmp.toString(), "--retries", "0");

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.MODEL);
        assertThat(cli.err()).contains("every model call failed");
    }

    @Test
    void runWithNoServerExitsWithModelErrorWithinSecondsNamingTheFix() throws Exception {
        int port = org.llmbench.testing.Ports.closed();
        long start = System.nanoTime();
        Cli cli = Cli.run("run", "--model", "qwen3.5:0.8b", "--url", "http://127.0.0.1:" + port, "--out", tmp.toString());

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.MODEL);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        assertThat(cli.err()).contains("cannot reach the model server at http://127.0.0.1:" + port).contains("ollama serve");
    }

    @Test
    void runWithABadValueNamesTheKeyAndExitsWithInputError() {
        Cli cli = Cli.run("run", "--model", "mock", "--temperature", "hot", "--out", tmp.toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(cli.err()).contains("bench.temperature").contains("'hot' is not a number");
    }

    @Test
    void runWithNothingSelectedExitsWithInputError() {
        Cli cli = Cli.run("run", "--model", "mock", "--phases", "no-such-phase", "--out", tmp.toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(cli.err()).contains("nothing to run");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli cli = Cli.run("run", "--no-such-flag");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--no-such-flag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "list", "validate", "replay", "probe", "smoke", "report", "check-submission"})
    void everyCommandHasHelpWithTheExitCodes(String command) {
        Cli cli = Cli.run(command, "--help");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("Usage: llm-bench " + command).contains("Exit codes:")
                .contains("3   unusable input").contains("4   the model server");
    }

    @Test
    void listShowsQuestionsWithWeightsTagsAndSources() {
        Cli cli = Cli.run("list", "--model", "mock", "--phases", "5q,hello");

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("mock/5q/Q03").contains("mock/hello/H01").contains("1.00")
                .contains("5q").contains("suites/5q.json:").contains("6 tests");
    }

    @Test
    void listHonoursTheConfigFileWeights() throws IOException {
        Path config = Files.writeString(tmp.resolve("config.json"), "{\"suite\": {\"weights\": {\"5q\": 2.5}}}");

        Cli cli = Cli.run("list", "--model", "mock", "--phases", "5q", "--config", config.toString());

        assertThat(cli.out()).contains("2.50");
    }

    @Test
    void validatePassesTheBundledSuites() {
        Cli cli = Cli.run("validate");

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("0 error(s)");
    }

    @Test
    void validateNamesFileLineAndFieldOfABrokenSuite() throws IOException {
        Path suite = Files.writeString(tmp.resolve("broken.json"), """
                {
                  "suite_name": "broken",
                  "questions": [
                    {"id": "Q01", "prompt": "say hi"},
                    {"id": "Q02", "prompt": "x",
                     "format_rule": "haiku"}
                  ]
                }
                """);

        Cli cli = Cli.run("validate", suite.toString());

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(cli.out()).containsPattern("broken\\.json:6:\\d+: [^\\n]*format_rule");
    }

    @Test
    void validateReportsEveryProblemOfEveryFileInOnePass() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("suites"));
        Files.writeString(dir.resolve("four.json"), """
                {
                  "suite_name": "four",
                  "lanes": 0,
                  "questions": [
                    {"id": "Q01", "prompt": ""},
                    {"id": "Q02", "prompt": "x", "format_rule": "haiku"},
                    {"id": "Q03", "prompt": "x", "pass_score": 300}
                  ]
                }
                """);
        Files.writeString(dir.resolve("two.json"), """
                {
                  "questions": [
                    {"id": "bad id!", "prompt": "x"}
                  ]
                }
                """);

        Cli cli = Cli.run("validate", dir.toString());

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(cli.out()).containsPattern("four\\.json:3:\\d+: lanes: must be a whole number")
                .containsPattern("four\\.json:5:\\d+: questions\\[0]\\.prompt: must not be empty")
                .containsPattern("four\\.json:6:\\d+: questions\\[1]\\.format_rule: 'haiku'")
                .containsPattern("four\\.json:7:\\d+: questions\\[2]\\.pass_score: must be a number")
                .containsPattern("two\\.json:1:1: suite_name: missing")
                .containsPattern("two\\.json:3:\\d+: questions\\[0]\\.id: 'bad id!' must match")
                .contains("2 suite file(s) checked; 6 error(s)");
    }

    @Test
    void validateNamesFileLineAndFieldOfABadConfigValue() throws IOException {
        Path config = Files.writeString(tmp.resolve("config.json"), """
                {
                  "model": {
                    "provider": "openai_compatible",
                    "temperature": "warm"
                  },
                  "suite": {"weights": {"cooking": 1.0}}
                }
                """);

        Cli cli = Cli.run("validate", "--config", config.toString());

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(cli.out()).contains(config + ":4: model.temperature: 'warm' is not a number")
                .contains(config + ":6: suite.weights.cooking: unknown task or suite name");
    }

    @Test
    void validateReportsInvalidJsonWithItsLine() throws IOException {
        Path config = Files.writeString(tmp.resolve("config.json"), "{\n  \"model\": {\n    \"temperature\": 0.2,,\n  }\n}\n");

        Cli cli = Cli.run("validate", "--config", config.toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(cli.out()).contains(config + ":3:");
    }

    @Test
    void replayReScoresASavedRunWithoutCallingAModel() throws IOException {
        assertThat(Cli.run("run", "--model", "mock", "--phases", "5q", "--out", tmp.toString()).exitCode()).isZero();
        Path folder = onlyRun(tmp);

        // The engine's replay provider answers from the ledger: the models are the ledger's, no server is asked.
        Cli cli = Cli.run("replay", folder.toString(), "--url", "http://127.0.0.1:9/v1", "--out", tmp.resolve("replayed").toString());

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("5 tests re-scored").contains("0 changed").contains("100.00 -> 100.00");
    }

    @Test
    void replayOfAMissingLedgerIsAnInputError() {
        assertThat(Cli.run("replay", tmp.resolve("nothing").toString()).exitCode()).isEqualTo(ExitCodes.INPUT);
    }

    @Test
    void smokeRunsOneHelloCallAndWritesTheLedger() throws IOException {
        Cli cli = Cli.run("smoke", "--model", "mock", "--out", tmp.toString());

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("hello mock: score 100.0");
        Path ledger = onlyRun(tmp).resolve("run.jsonl");
        assertThat(Files.readAllLines(ledger)).filteredOn(l -> l.contains("\"event\":\"call\"")).hasSize(1);
    }

    @Test
    void reportSummarisesComparesAndRanks() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(Cli.run("run", "--model", "mock", "--phases", "5q", "--out", a.toString()).exitCode()).isZero();
        assertThat(Cli.run("run", "--model", "mock:junk", "--phases", "5q", "--out", b.toString()).exitCode()).isZero();

        Cli summary = Cli.run("report", onlyRun(a).toString());
        assertThat(summary.exitCode()).isZero();
        assertThat(summary.out()).contains("mock").contains("100.00");

        Cli compare = Cli.run("report", "--compare", onlyRun(a).toString(), onlyRun(b).toString());
        assertThat(compare.exitCode()).as(compare.toString()).isZero();
        assertThat(compare.out()).contains("5q/Q01").containsPattern("100\\.0 +\\d+\\.\\d +-\\d");

        Path submissions = tmp.resolve("submissions");
        copy(onlyRun(a), submissions.resolve("alice/box-a").resolve(onlyRun(a).getFileName()));
        copy(onlyRun(b), submissions.resolve("bob/box-b").resolve(onlyRun(b).getFileName()));
        Cli board = Cli.run("report", "--submissions", submissions.toString());
        assertThat(board.exitCode()).as(board.toString()).isZero();
        String[] lines = board.out().split("\n");
        assertThat(lines[1]).contains("1").contains("mock").contains("alice").contains("box-a").contains("100.00");
        assertThat(lines[2]).contains("2").contains("mock:junk").contains("bob");
    }

    @Test
    void reportWithoutRunsIsAnInputError() {
        assertThat(Cli.run("report", "--submissions", tmp.toString()).exitCode()).isEqualTo(ExitCodes.INPUT);
    }

    static Path onlyRun(Path out) throws IOException {
        try (Stream<Path> runs = Files.list(out)) {
            return runs.filter(p -> p.getFileName().toString().startsWith("run-")).findFirst().orElseThrow();
        }
    }

    static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
