package org.llmbench.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordWriterTest {

    @TempDir
    Path dir;

    private static RunEvent.TestEnd end(String id) {
        return new RunEvent.TestEnd(Stamp.now("run-1"), id, TestStatus.FAILED, "below the pass mark");
    }

    @Test
    void writesOneLinePerEventThatReadsBackEqual() throws Exception {
        Path file = dir.resolve("run.jsonl");
        RunEvent.TestEnd written = end("[engine:llm-bench]/[model:m]/[suite:s]/[question:q]");
        try (RecordWriter w = RecordWriter.append(file)) {
            w.write(written);
        }
        List<RunEvent> read = new ArrayList<>();
        RecordReader.forEach(file, read::add);
        assertThat(read).containsExactly(written);
        assertThat(Files.readString(file)).startsWith("{\"schema_version\":1,\"event\":\"test_end\",\"ts\":\"").endsWith("\n");
    }

    @Test
    void reopeningCutsATornLastLineAndAppendsOnALineBoundary() throws Exception {
        Path file = dir.resolve("run.jsonl");
        try (RecordWriter w = RecordWriter.append(file)) {
            w.write(end("a"));
        }
        Files.writeString(file, "{\"schema_version\":1,\"event\":\"te", java.nio.file.StandardOpenOption.APPEND);
        try (RecordWriter w = RecordWriter.append(file)) {
            w.write(end("b"));
        }
        List<RunEvent> read = new ArrayList<>();
        RecordReader.Reading reading = RecordReader.forEach(file, read::add);
        assertThat(reading.problems()).isEmpty();
        assertThat(read).extracting(RunEvent::testId).containsExactly("a", "b");
    }

    @Test
    void aTornTailLongerThanTheReadBlockIsCutWhole() throws Exception {
        Path file = dir.resolve("run.jsonl");
        Files.writeString(file, "{\"a\":1}\n" + "x".repeat(20_000), StandardCharsets.UTF_8);
        RecordWriter.truncateTornTail(file);
        assertThat(Files.readString(file)).isEqualTo("{\"a\":1}\n");
        Files.writeString(file, "y".repeat(20_000), StandardCharsets.UTF_8);
        RecordWriter.truncateTornTail(file);
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void concurrentWritersNeverInterleaveLines() throws Exception {
        Path file = dir.resolve("run.jsonl");
        try (RecordWriter w = RecordWriter.append(file)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int i = 0; i < 400; i++) {
                String id = "t" + i + "-" + "z".repeat(i * 10);
                pool.submit(() -> w.write(end(id)));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        List<RunEvent> read = new ArrayList<>();
        RecordReader.Reading reading = RecordReader.forEach(file, read::add);
        assertThat(reading.problems()).isEmpty();
        assertThat(read).hasSize(400);
    }
}
