package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check-submission: the EXAMPLE passes, and each kind of planted finding is reported with its file and line. */
class SubmissionCheckTest {

    static Path example() throws IOException {
        try (Stream<Path> runs = Files.walk(Path.of("submissions/EXAMPLE"), 2)) {
            return runs.filter(p -> p.getFileName().toString().startsWith("run-")).findFirst().orElseThrow();
        }
    }

    @TempDir
    Path tmp;

    Path run;

    @BeforeEach
    void copyExample() throws IOException {
        Path example = example();
        run = tmp.resolve("EXAMPLE/example-device").resolve(example.getFileName());
        CommandsTest.copy(example, run);
    }

    @Test
    void theExamplePasses() throws IOException {
        assertThat(new SubmissionChecker(null).check(example())).isEmpty();
        Cli cli = Cli.run("check-submission", example().toString());
        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains(": OK");
    }

    @Test
    void eachKindOfPrivateDataIsReportedWithFileAndLine() throws IOException {
        int base = Files.readAllLines(run.resolve("run.md")).size();
        Files.writeString(run.resolve("run.md"), String.join("\n",
                "Server at 192.168.1.20:11434 and 10.0.0.7 and 172.20.3.4",
                "Box: gpu-box.local",
                "Model files in /home/alice/models and /Users/bob/ollama and C:\\Users\\carol\\models",
                "Contact me at alice.smith@gmail.com",
                "key sk-proj-abcdefghijklmnopqrstuvwx and ghp_abcdefghijklmnopqrstuvwxyz0123456789",
                "hf_abcdefghijklmnopqrstuvwxyz012345 and Authorization: Bearer eyJhbGciOiJIUzI1NiJ9abc",
                "secret 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08ff",
                "token Zm9vYmFyQmF6UXV4MTIzNDU2Nzg5MGFiY2RlZkdISUpLTE1ub3BxcnN0",
                "") , StandardOpenOption.APPEND);

        List<Finding> findings = new SubmissionChecker(null).check(run);

        assertThat(findings).allSatisfy(f -> assertThat(f.file()).isEqualTo("run.md"));
        assertThat(findings).extracting(Finding::kind).containsOnly("private-address", "host-name", "home-path",
                "email", "token", "secret");
        assertThat(findings).filteredOn(f -> f.kind().equals("private-address")).hasSize(3)
                .allSatisfy(f -> assertThat(f.line()).isEqualTo(base + 1));
        assertThat(findings).filteredOn(f -> f.kind().equals("host-name")).singleElement()
                .satisfies(f -> assertThat(f.line()).isEqualTo(base + 2));
        assertThat(findings).filteredOn(f -> f.kind().equals("home-path")).hasSize(3)
                .allSatisfy(f -> assertThat(f.line()).isEqualTo(base + 3));
        assertThat(findings).filteredOn(f -> f.kind().equals("email")).singleElement()
                .satisfies(f -> assertThat(f.line()).isEqualTo(base + 4));
        assertThat(findings).filteredOn(f -> f.kind().equals("token")).extracting(Finding::line)
                .containsExactly(base + 5, base + 5, base + 6, base + 6);
        assertThat(findings).filteredOn(f -> f.kind().equals("secret")).extracting(Finding::line)
                .containsExactly(base + 7, base + 8);
        assertThat(findings.toString()).doesNotContain("abcdefghijklmnopqrstuvwx");
    }

    @Test
    void benchmarkTextDocumentationAddressesAndHashesAreNotFindings() throws IOException {
        Files.writeString(run.resolve("notes.txt"), String.join("\n",
                "Say hello in one short sentence.",
                "write to ops@example.com or admin@test.example",
                "config sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "python: threading.local() and self.home",
                "version 10.0.1 and 1.192.168.1.1.5",
                "ANTHROPIC_STYLE_CONSTANT_NAME_WITHOUT_ANY_DIGITS_AT_ALL",
                ""));

        assertThat(new SubmissionChecker(null).check(run)).isEmpty();
    }

    @Test
    void theMachinesOwnHostNameIsAFinding() throws IOException {
        Files.writeString(run.resolve("notes.txt"), "ran on zephyr-42 overnight\n");

        assertThat(new SubmissionChecker("zephyr-42").check(run)).singleElement()
                .satisfies(f -> assertThat(f.toString()).isEqualTo("notes.txt:1: host-name: 'zephyr-42' is this machine's host name: remove it"));
    }

    @Test
    void aHostNameInTheManifestIsAFindingUntilRedacted() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) mapper.readTree(run.resolve("manifest.json").toFile());
        ((ObjectNode) manifest.path("host")).put("short_name", "workstation");
        mapper.writerWithDefaultPrettyPrinter().writeValue(run.resolve("manifest.json").toFile(), manifest);
        int line = lineOf(run.resolve("manifest.json"), "\"short_name\"");

        assertThat(new SubmissionChecker(null).check(run)).singleElement()
                .satisfies(f -> assertThat(f.toString()).startsWith("manifest.json:" + line + ": host-name: host.short_name is 'workstation'"));
    }

    @Test
    void schemaViolationsNameFileLineAndField() throws IOException {
        String results = Files.readString(run.resolve("results.json"));
        Files.writeString(run.resolve("results.json"), results.replaceFirst("\"score\" ?: 100\\.0", "\"score\": \"high\""));
        int line = lineOf(run.resolve("results.json"), "\"high\"");
        List<String> ledger = Files.readAllLines(run.resolve("run.jsonl"));
        ledger.set(3, ledger.get(3).replace("\"event\":\"", "\"evnt\":\""));
        Files.write(run.resolve("run.jsonl"), ledger);

        List<Finding> findings = new SubmissionChecker(null).check(run);

        assertThat(findings).filteredOn(f -> f.file().equals("results.json") && !f.kind().equals("rescored")).singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("schema");
                    assertThat(f.line()).isEqualTo(line);
                    assertThat(f.message()).startsWith("tasks.0.score:").contains("string");
                });
        assertThat(findings).filteredOn(f -> f.file().equals("run.jsonl"))
                .anySatisfy(f -> assertThat(f.toString()).startsWith("run.jsonl:4: schema:").contains("event"))
                .anySatisfy(f -> assertThat(f.toString()).startsWith("run.jsonl:4: ledger:"));
        // The re-scoring holds the file against the ledger as well: the forged value is named there too.
        assertThat(findings).anySatisfy(f -> assertThat(f.toString()).startsWith("results.json:" + line + ": rescored: tasks[")
                .endsWith("].score: \"high\" is written, the ledger re-scored gives 100.0"));
    }

    @Test
    void missingFilesAndAMisplacedFolderAreFindings() throws IOException {
        Files.delete(run.resolve("hardware.json"));
        Path moved = tmp.resolve("someone/else-device").resolve(run.getFileName());
        CommandsTest.copy(run, moved);

        List<Finding> findings = new SubmissionChecker(null).check(moved);

        assertThat(findings).extracting(Finding::toString).contains("hardware.json:0: missing: every run folder has hardware.json")
                .anyMatch(s -> s.contains("layout") && s.contains("the manifest says EXAMPLE/example-device"));
    }

    @Test
    void theCommandExitsWithFindingsAndPrintsEachOne() throws IOException {
        Files.writeString(run.resolve("run.md"), "reach me at someone@gmail.com\n", StandardOpenOption.APPEND);

        Cli cli = Cli.run("check-submission", run.toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(cli.out()).contains(run.resolve("run.md") + ":").contains(": email: 'someone@gmail.com'")
                .contains("1 finding(s)");
    }

    @Test
    void aMockRunWithHandleAndDevicePassesStraightAway() throws IOException {
        String handle = "test-handle-" + System.nanoTime();
        try {
            // --out: the leaderboard and latest-run.txt go there, never into the user's target/bench-runs.
            Cli run = Cli.run("run", "--model", "mock", "--phases", "hello,5q", "--handle", handle, "--device", "test-box",
                    "--out", tmp.toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
            Path folder = CommandsTest.onlyRun(Path.of("submissions", handle, "test-box"));

            Cli cli = Cli.run("check-submission", folder.toString());

            assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.OK);
            assertThat(cli.out()).contains("reminder: run.md has unticked boxes");
        } finally {
            deleteTree(Path.of("submissions", handle));
        }
    }

    static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
