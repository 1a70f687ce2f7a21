package org.llmbench.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * javac's class-data archive: given, javac starts with it and says nothing about it; an archive it cannot use
 * (another JDK's, or damaged) changes nothing but the start-up time, never the compile or its output.
 */
class JavacArchiveTest {

    @Test
    void theArchiveIsPassedToJavacWithItsLoggingOffAndOnlyWhenGiven() {
        List<String> with = JavaHarness.command(2, Optional.of(Path.of("/opt/x/llm-bench-javac.jsa")));
        List<String> without = JavaHarness.command(2);

        assertThat(with).contains("-J-XX:SharedArchiveFile=/opt/x/llm-bench-javac.jsa", "-J-Xlog:cds=off", "-J-Xlog:cds+dynamic=off");
        assertThat(without).noneMatch(a -> a.contains("SharedArchiveFile") || a.contains("Xlog"));
        // The runner's JVM never gets it: it runs the model's code and needs nothing of javac's.
        assertThat(with.subList(with.indexOf("-d"), with.size())).noneMatch(a -> a.contains("SharedArchiveFile"));
    }

    @Test
    void aDamagedArchiveStillCompilesAndRunsAndPrintsNothingOfItsOwn(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("llm-bench-javac.jsa");
        Files.write(archive, "not an archive at all".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> f : JavaHarness.files("static int twice(int x) { return 2 * x; }",
                List.of(new TestCase("Solution.twice(21)", "42", "twice(21)"))).entrySet()) {
            Files.createDirectories(dir.resolve(f.getKey()).getParent());
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        Process p = new ProcessBuilder(JavaHarness.command(1, Optional.of(archive))).directory(dir.toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        try (var in = p.getOutputStream()) {
            in.write("token1\n".getBytes(StandardCharsets.UTF_8)); // the runner reads one token per call first
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isZero();
        assertThat(out.strip()).startsWith("{\"started\":true}").contains("{\"case\":1").contains("42");
        assertThat(Files.readString(dir.resolve("err.txt"))).doesNotContainIgnoringCase("shared").doesNotContainIgnoringCase("cds");
    }
}
