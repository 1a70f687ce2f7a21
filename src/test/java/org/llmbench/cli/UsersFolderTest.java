package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run as a user makes it: from a folder under a home folder (and one whose name is 40 hex digits, which looks
 * like a secret), in a JVM of its own whose working directory and home are that folder. Nothing of the machine
 * may reach the run folder: no absolute path, no user name, no host name; and check-submission passes it as it is.
 */
class UsersFolderTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"home/ada-lovelace/llm-bench", "Users/ada-lovelace/0123456789abcdef0123456789abcdef01234567"})
    void aRunFolderHoldsNothingOfTheMachine(String where) throws Exception {
        Path home = tmp.resolve(where).getParent();
        Path clone = Files.createDirectories(tmp.resolve(where));
        // Paths given in full, as users paste them: one under the clone, one outside the home folder.
        Path suites = Files.createDirectories(clone.resolve("my-suites"));
        Files.copy(Path.of("suites", "hello.json"), suites.resolve("hello.json"));
        Path out = tmp.resolve("elsewhere");
        Process run = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-Duser.name=ada-lovelace", "-Dllmbench.relaunched=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--model", "mock", "--phases", "hello,5q", "--handle", "ada", "--device", "laptop",
                "--suites", suites.toString(), "--out", out.toString()))
                .directory(clone.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("console.txt").toFile())
                .start();
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String console = Files.readString(tmp.resolve("console.txt"));
        assertThat(run.exitValue()).as(console).isZero();
        Path folder = CommandsTest.onlyRun(clone.resolve("submissions/ada/laptop"));

        List<String> machine = new ArrayList<>(List.of(tmp.toString(), clone.toString(), home.toString(), "ada-lovelace",
                System.getProperty("user.home")));
        // The names of the machine running the test, where they are long enough not to occur in any page by chance
        // ("root" is in the charting library's code).
        for (String name : List.of(System.getProperty("user.name"), InetAddress.getLocalHost().getHostName())) {
            if (name.length() > 4) {
                machine.add(name);
            }
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (String fact : machine) {
                    assertThat(text).as("%s names %s", folder.relativize(file), fact).doesNotContain(fact);
                }
            }
        }

        Cli check = Cli.run("check-submission", folder.toString());
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.OK);
        assertThat(check.out()).doesNotContain("home-path").doesNotContain("secret");
    }
}
