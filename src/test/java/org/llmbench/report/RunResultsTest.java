package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.record.Hardware;

/** results.json and hardware.json read back through their typed readers: what the writers wrote, field for field. */
class RunResultsTest {

    @TempDir
    Path folder;

    @Test
    void readsBackWhatTheResultsWriterWrote() throws IOException {
        Path ledger = new SyntheticLedger()
                .call("m", "5q", "Q1", 120, null, 10).score("m", "5q", "Q1", 100, 2)
                .failedCall("m", "5q", "Q2", "timeout")
                .call("m", "5q", "Q3", 100, null, 10).score("m", "5q", "Q3", 0, 1)
                .writeTo(folder.resolve("run.jsonl"));
        Path file = folder.resolve(RunResults.FILE);
        ResultsWriter.write(FinalScores.of(ledger), file, "run-1", "sha256:abc");

        RunResults results = RunResults.read(file);

        assertThat(results.runId()).isEqualTo("run-1");
        assertThat(results.configHash()).isEqualTo("sha256:abc");
        assertThat(results.tasks()).extracting(RunResults.Task::model).containsOnly("m");
        assertThat(results.tasks()).hasSize(2);
        RunResults.Task first = results.tasks().get(0);
        assertThat(first.score()).isEqualTo(100);
        assertThat(first.weight()).isEqualTo(2);
        assertThat(first.weightedScore()).isEqualTo(200);
        assertThat(first.passed()).isTrue();
        assertThat(first.latencyMs()).isEqualTo(120);
        assertThat(first.failed()).isFalse();
        assertThat(results.summary()).isEqualTo(new RunResults.Summary(2, 1, 0));
    }

    @Test
    void aFailedCallAndNonFiniteNumbersReadAsErrorKindAndZero() throws IOException {
        Files.writeString(folder.resolve(RunResults.FILE), """
                {"run_id":"r","tasks":[{"model":"m","score":null,"weighted_score":null,"error_kind":"timeout"}],
                 "summary":{"tasks":1,"passed":0,"not_replayable":3},"models":[]}""");

        RunResults results = RunResults.read(folder.resolve(RunResults.FILE));

        assertThat(results.tasks().get(0).failed()).isTrue();
        assertThat(results.tasks().get(0).errorKind()).isEqualTo("timeout");
        assertThat(results.tasks().get(0).score()).isZero();
        assertThat(results.summary().notReplayable()).isEqualTo(3);
        assertThat(results.configHash()).isNull();
    }

    @Test
    void hardwareReadsTodaysAndOlderFiles() throws IOException {
        Path today = Files.writeString(folder.resolve("a.json"),
                "{\"cpu\":{\"model\":\"Xeon\",\"logical_cores\":2},\"memory\":{\"total_gb\":15.52},\"notes\":\"\"}");
        Path older = Files.writeString(folder.resolve("b.json"), "{\"cpu\":{\"name\":\"M2\"},\"memory_gb\":16.0}");
        Path unseen = Files.writeString(folder.resolve("c.json"), "{\"cpu\":{\"model\":null},\"memory\":{\"total_bytes\":null}}");

        assertThat(Hardware.read(today).cpuModel()).isEqualTo("Xeon");
        assertThat(Hardware.read(today).totalGb()).isEqualTo(15.52);
        assertThat(Hardware.read(older).cpuModel()).isEqualTo("M2");
        assertThat(Hardware.read(older).totalGb()).isEqualTo(16.0);
        assertThat(Hardware.read(unseen).cpuModel()).isEmpty();
        assertThat(Hardware.read(unseen).totalGb()).isNull();
    }
}
