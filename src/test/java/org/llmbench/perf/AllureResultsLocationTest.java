package org.llmbench.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as the jar runs it, in a fresh JVM each time: Allure's results land in the output folder's
 * allure-results (not in the working directory's target/allure-results, not in the run folder), holding one
 * run's results, as does a configured directory; and
 * {@code -D junit.platform.execution.listeners.deactivate=...} on the command line switches Allure off.
 */
class AllureResultsLocationTest {

    @Test
    void resultsGoUnderTheRunOrTheConfiguredDirectoryAndTheCliCanSwitchAllureOff(@TempDir Path tmp) throws Exception {
        Path cwd = Files.createDirectories(tmp.resolve("cwd"));
        Path out = tmp.resolve("out");

        Path run = cli(cwd, out);
        Path results = out.resolve("allure-results");
        int once = resultFiles(results).size();
        assertThat(once).isPositive();
        assertThat(results.resolve("categories.json")).exists();
        // Containers only carry fixtures (befores, afters) to the report, and the engine has none: no empty ones.
        assertThat(files(results, "-container.json")).isEmpty();
        assertThat(files(results, "-attachment.txt")).isNotEmpty();
        assertThat(cwd.resolve("target")).doesNotExist();
        assertThat(cwd.resolve("allure-results")).doesNotExist();
        // Not in the run folder, which is what a contributor submits (Allure's results carry the host name).
        assertThat(run.resolve("allure-results")).doesNotExist();

        cli(cwd, out);
        assertThat(resultFiles(results)).as("one run's results, not two").hasSize(once);

        Path before = resultFiles(results).get(0);
        cli(cwd, out, "-D", "junit.platform.execution.listeners.deactivate=io.qameta.allure.*");
        assertThat(resultFiles(results)).hasSize(once).contains(before);

        Path configured = tmp.resolve("allure");
        cli(cwd, out, "-D", "allure.results.directory=" + configured);
        cli(cwd, out, "-D", "allure.results.directory=" + configured);
        assertThat(resultFiles(configured)).hasSize(once);
    }

    private static List<Path> resultFiles(Path dir) throws Exception {
        return files(dir, "-result.json");
    }

    private static List<Path> files(Path dir, String suffix) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    /** Runs {@code llm-bench run --model mock} on the hello phase; returns the run folder. */
    private static Path cli(Path cwd, Path out, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", classPath(), "org.llmbench.cli.Main", "run", "--model", "mock",
                "-D", "bench.phases=hello", "-D", "bench.out=" + out));
        command.addAll(List.of(extra));
        Path log = cwd.resolveSibling("cli.log");
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
        return Path.of(Files.readString(out.resolve("latest-run.txt")).strip());
    }

    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
    }
}
