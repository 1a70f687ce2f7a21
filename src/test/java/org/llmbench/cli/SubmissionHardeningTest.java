package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check-submission against a hostile folder: links are findings and never followed, a huge file is a finding and
 * never read whole, a secret is abbreviated whatever rule found it, and scanning stays linear in the line.
 */
class SubmissionHardeningTest {

    @TempDir
    Path tmp;

    Path run;

    @BeforeEach
    void copyExample() throws IOException {
        Path example = SubmissionCheckTest.example();
        run = tmp.resolve("EXAMPLE/example-device").resolve(example.getFileName());
        CommandsTest.copy(example, run);
    }

    @Test
    void aSymlinkIsAFindingAndWhatItPointsAtIsNeverRead() throws IOException {
        // A file outside the folder holding what the scan would flag: if it were read, there would be an e-mail finding.
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "mail alice.smith@gmail.com\n");
        Files.createSymbolicLink(run.resolve("notes.txt"), outside);
        Files.createSymbolicLink(run.resolve("passwd"), Path.of("/etc/passwd"));
        Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(tmp.resolve("elsewhere/secret.md"), "key ghp_abcdefghijklmnopqrstuvwxyz0123456789\n");
        Files.createSymbolicLink(run.resolve("more"), tmp.resolve("elsewhere"));

        Cli cli = Cli.run("check-submission", run.toString());

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(cli.out())
                .contains(run.resolve("notes.txt") + ":0: symlink: a symbolic link: replace it with the file itself or "
                        + "remove it; nothing it points at was read")
                .contains(run.resolve("passwd") + ":0: symlink:").contains(run.resolve("more") + ":0: symlink:")
                .doesNotContain("email").doesNotContain("ghp_").contains("3 finding(s)");
    }

    @Test
    void aLinkInPlaceOfARequiredFileIsAFindingAndTheFileCountsAsMissing() throws IOException {
        Path manifest = run.resolve("manifest.json");
        Path real = Files.move(manifest, tmp.resolve("manifest.json"));
        Files.createSymbolicLink(manifest, real);

        List<Finding> findings = new SubmissionChecker(null).check(run);

        assertThat(findings).extracting(Finding::toString).contains("manifest.json:0: missing: every run folder has manifest.json")
                .anyMatch(f -> f.startsWith("manifest.json:0: symlink:"));
    }

    @Test
    void aSparse3GbFileIsAFindingQuicklyWithoutReadingIt() throws IOException {
        Path huge = run.resolve("dump.bin");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L * 1024 * 1024 * 1024);
        }

        long start = System.nanoTime();
        Cli cli = Cli.run("check-submission", run.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(cli.out()).contains(huge + ":0: too-large: 3221225472 bytes: over the 64 MiB a submitted file may "
                + "have; it was not read").contains("1 finding(s)");
        assertThat(took).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aFileThatGrowsPastTheCapAfterTheWalkIsStillReadOnlyUpToIt() throws IOException {
        Path log = Files.writeString(run.resolve("notes.md"), "small\n");
        SubmissionFiles files = SubmissionFiles.of(run);
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.setLength(SubmissionFiles.MAX_BYTES + 10L);
        }

        assertThat(files.text("notes.md")).isEmpty();
        assertThat(files.findings()).extracting(Finding::toString)
                .containsExactly("notes.md:0: too-large: more than 67108864 bytes: over the 64 MiB a submitted file may have; it was not read");
    }

    @Test
    void aGitHubTokenFoundByTheEmailRuleIsPrintedAbbreviated() throws IOException {
        String token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
        Files.writeString(run.resolve("run.md"), "push with https://" + token + "@github.com/alice/bench\n",
                StandardOpenOption.APPEND);

        Cli cli = Cli.run("check-submission", run.toString());

        assertThat(cli.out()).doesNotContain(token).doesNotContain("abcdefghij")
                .contains(": email: 'ghp_\u2026 (40 chars)@github.com': remove the address")
                .contains(": token: 'ghp_\u2026 (40 chars)': revoke the key, then remove it");
    }

    @Test
    void everySecretShapedPartIsAbbreviatedWhateverTheText() {
        assertThat(PrivacyScanner.abbreviateSecrets("x sk-proj-abcdefghijklmnopqrstuvwx@example.org y"))
                .isEqualTo("x sk-p\u2026 (32 chars)@example.org y");
        assertThat(PrivacyScanner.abbreviateSecrets("run-2a3a89f3-b336-4d46-9224-c19f3f0601ac: fine"))
                .isEqualTo("run-2a3a89f3-b336-4d46-9224-c19f3f0601ac: fine");
        assertThat(PrivacyScanner.abbreviateSecrets("Zm9vYmFyQmF6UXV4MTIzNDU2Nzg5MGFiY2RlZkdISUpLTE1ub3BxcnN0"))
                .isEqualTo("Zm9v\u2026 (56 chars)");
    }

    @Test
    void aFileNameWithControlAndBidiCharactersIsPrintedEscaped() throws IOException {
        Files.writeString(run.resolve("evil\u001b[31m\u202etxt.md"), "mail alice.smith@gmail.com\n");

        Cli cli = Cli.run("check-submission", run.toString());

        assertThat(cli.out()).contains("evil\\u001b[31m\\u202etxt.md:1: email:").doesNotContain("\u001b").doesNotContain("\u202e");
    }

    @Test
    void scanningIsLinearInTheLengthOfALine() {
        PrivacyScanner scanner = new PrivacyScanner("", "zephyr-42");
        int size = 100 * 1024;
        // Each line is the worst case of a rule that could start anywhere in a run of its own characters: a quadratic
        // scan of one of them takes tens of seconds; a linear one, milliseconds.
        List<String> lines = List.of("a".repeat(size), "a-".repeat(size / 2), "a.".repeat(size / 2), "a@".repeat(size / 2),
                "1.".repeat(size / 2), "0123456789abcdef".repeat(size / 16), "Ab1+".repeat(size / 4), "a".repeat(size) + "@x",
                "x@" + "a.".repeat(size / 2), "bearer ".repeat(size / 7), "/home/".repeat(size / 6));
        long start = System.nanoTime();
        for (String line : lines) {
            scanner.scan("run.jsonl", 1, line);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
