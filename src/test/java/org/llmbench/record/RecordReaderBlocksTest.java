package org.llmbench.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader takes a ledger a block of 64 KiB at a time: lines that start, end or break a multi-byte character at a
 * block's edge, CRLF line ends and a last line without its newline read back as written.
 */
class RecordReaderBlocksTest {

    @TempDir
    Path dir;

    private static RunEvent.TestSkipped skipped(int i, int length) {
        // Three bytes per '€', four per the emoji: their bytes fall on every side of a block's edge.
        String reason = ("€😀x".repeat(length / 8 + 1)).substring(0, Math.max(0, length / 2));
        return new RunEvent.TestSkipped(new Stamp(1, Instant.parse("2026-01-02T03:04:05Z"), "r", null, null),
                "[engine:llm-bench]/[model:m]/[suite:s]/[question:Q" + i + "]", reason);
    }

    @Test
    void linesAcrossTheEdgesOfBlocksReadBackAsWritten() throws IOException {
        List<String> written = new ArrayList<>();
        StringBuilder file = new StringBuilder();
        int[] lengths = {0, 10, 65_400, 65_536, 65_537, 131_000, 1, 200_003, 7};
        for (int i = 0; i < lengths.length; i++) {
            String line = RecordCodec.encode(skipped(i, lengths[i]));
            written.add(line);
            file.append(line).append(i % 2 == 0 ? "\n" : "\r\n");
        }
        String last = RecordCodec.encode(skipped(99, 70_000));
        written.add(last);
        file.append(last);
        Path ledger = dir.resolve("run.jsonl");
        Files.writeString(ledger, file, StandardCharsets.UTF_8);

        List<String> read = new ArrayList<>();
        RecordReader.Reading reading = RecordReader.forEach(ledger, e -> read.add(RecordCodec.encode(e)));

        assertThat(reading.problemCount()).isZero();
        assertThat(reading.lines()).isEqualTo(written.size());
        assertThat(read).containsExactlyElementsOf(written);
    }
}
