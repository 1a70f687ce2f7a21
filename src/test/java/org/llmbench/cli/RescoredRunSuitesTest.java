package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the re-scoring finds a run's own suites when check-submission runs from another folder than the run did. */
class RescoredRunSuitesTest {

    @TempDir
    Path clone;

    @Test
    void aSuiteFolderRecordedRelativeToTheCloneIsFoundThere() throws Exception {
        Files.createDirectories(clone.resolve("my-suites"));
        Path run = Files.createDirectories(clone.resolve("submissions/ada/laptop/run-1"));
        assertThat(RescoredRun.suitesFromTheClone(run, "my-suites"))
                .isEqualTo(clone.resolve("my-suites").toAbsolutePath().normalize().toString());
    }

    @Test
    void aManifestCannotPointTheReScoringOutsideTheClone() throws Exception {
        Path outside = Files.createDirectories(clone.resolve("private"));
        Path inner = Files.createDirectories(clone.resolve("repo"));
        Path run = Files.createDirectories(inner.resolve("submissions/ada/laptop/run-1"));
        assertThat(outside).isDirectory();
        assertThat(RescoredRun.suitesFromTheClone(run, "../private")).isNull();
        assertThat(RescoredRun.suitesFromTheClone(run, "missing")).isNull();
        assertThat(RescoredRun.suitesFromTheClone(run, null)).isNull();
    }

    @Test
    void aRunFolderOutsideAnyCloneLeavesTheRecordedValue() {
        assertThat(RescoredRun.suitesFromTheClone(Path.of("/run-1"), "my-suites")).isNull();
    }
}
