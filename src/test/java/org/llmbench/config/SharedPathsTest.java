package org.llmbench.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Paths in a shared file: relative to the working directory, under ~, or climbing out of it; never absolute. */
class SharedPathsTest {

    private static final Path CWD = Path.of("").toAbsolutePath();
    private static final Path HOME = Path.of(System.getProperty("user.home")).toAbsolutePath();

    @Test
    void underTheWorkingDirectoryAPathIsRelativeToIt() {
        assertThat(SharedPaths.of(CWD.resolve("suites/x.json").toString())).isEqualTo("suites/x.json");
        assertThat(SharedPaths.of(CWD.toString())).isEqualTo(".");
        assertThat(SharedPaths.of("target/bench-runs")).isEqualTo("target/bench-runs");
    }

    @Test
    void elsewhereItClimbsOutOrStartsAtTheHomeFolder() {
        String outside = SharedPaths.of(Path.of("/").resolve("data").resolve("suites").toString());
        assertThat(outside).doesNotStartWith("/").endsWith("data/suites");
        if (!CWD.startsWith(HOME) && HOME.getNameCount() > 0) {
            assertThat(SharedPaths.of(HOME.resolve("models/a.gguf").toString())).isEqualTo("~/models/a.gguf");
        }
    }

    @Test
    void eachItemOfAListIsShared() {
        assertThat(SharedPaths.list(CWD.resolve("a") + "," + "b")).isEqualTo("a,b");
    }
}
