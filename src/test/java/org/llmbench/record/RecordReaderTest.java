package org.llmbench.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and damaged ledgers: the reader names what it skipped (file, line, field) and never fails. */
class RecordReaderTest {

    private static final String END = "{\"schema_version\":1,\"event\":\"test_end\",\"ts\":\"2026-01-02T03:04:05.123Z\","
            + "\"run_id\":\"r\",\"test_id\":\"[engine:llm-bench]/[model:m]\",\"status\":\"successful\"}";

    @TempDir
    Path dir;

    private Path ledger(String text) throws IOException {
        Path file = dir.resolve("run.jsonl");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private List<RunEvent> events;

    private RecordReader.Reading read(Path file) throws IOException {
        events = new ArrayList<>();
        return RecordReader.forEach(file, events::add);
    }

    @Test
    void junkLinesAreSkippedAndNamedWithFileAndLine() throws IOException {
        Path file = ledger(END + "\nnot json at all\n[1,2]\n\"text\"\n{\"a\":\n\n" + END + "\n");
        RecordReader.Reading reading = read(file);
        assertThat(events).hasSize(2).allMatch(e -> e instanceof RunEvent.TestEnd);
        assertThat(reading.lines()).isEqualTo(7);
        assertThat(reading.problems()).extracting(LineProblem::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(reading.problems().get(0).toString()).startsWith(file + ":2: not JSON");
        assertThat(reading.problems().get(1).message()).isEqualTo("not a JSON object");
        assertThat(reading.problems()).noneMatch(LineProblem::tornTail);
        assertThat(reading.clean()).isFalse();
    }

    @Test
    void aTornLastLineIsNamedAsSuchAndTheRestIsRead() throws IOException {
        Path file = ledger(END + "\n" + END.substring(0, 40));
        RecordReader.Reading reading = read(file);
        assertThat(events).hasSize(1);
        assertThat(reading.problems()).singleElement().satisfies(p -> {
            assertThat(p.tornTail()).isTrue();
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("unfinished last line");
        });
        assertThat(reading.clean()).isTrue();
    }

    @Test
    void aCompleteLastLineWithoutNewlineIsAnEvent() throws IOException {
        assertThat(read(ledger(END + "\n" + END)).problems()).isEmpty();
        assertThat(events).hasSize(2);
    }

    @Test
    void missingFieldsAreNamed() throws IOException {
        Path file = ledger(END.replace(",\"status\":\"successful\"", "") + "\n"
                + END.replace("\"ts\":\"2026-01-02T03:04:05.123Z\",", "") + "\n"
                + END.replace("\"event\":\"test_end\",", "") + "\n");
        RecordReader.Reading reading = read(file);
        assertThat(events).isEmpty();
        assertThat(reading.problems()).extracting(LineProblem::field).containsExactly("status", "ts", "event");
        assertThat(reading.problems().get(0).message()).isEqualTo("missing");
        assertThat(reading.problems().get(0).toString()).isEqualTo(file + ":1: status: missing");
    }

    @Test
    void wrongTypesAreNamedWithWhatWasExpected() throws Exception {
        String score = "{\"schema_version\":1,\"event\":\"score\",\"ts\":\"2026-01-02T03:04:05Z\",\"run_id\":\"r\","
                + "\"test_id\":\"t\",\"model\":\"m\",\"suite\":\"s\",\"item\":\"i\",\"category\":\"c\",\"score\":100.0,"
                + "\"pass_mark\":70.0,\"passed\":true,\"weight\":1.0,\"weighted_score\":100.0,\"checks\":["
                + "{\"name\":\"a\",\"weight\":1.0,\"status\":\"passed\",\"reason\":\"ok\"}]}";
        assertThat(RecordCodec.decode(score)).isInstanceOf(RunEvent.Score.class);
        Path file = ledger(String.join("\n",
                score.replace("\"passed\":true", "\"passed\":\"yes\""),
                score.replace("\"score\":100.0", "\"score\":\"high\""),
                score.replace("\"status\":\"passed\"", "\"status\":\"great\""),
                score.replace("\"weight\":1.0,\"status\"", "\"weight\":[],\"status\""),
                END.replace("\"status\":\"successful\"", "\"status\":\"done\""),
                END.replace("\"schema_version\":1", "\"schema_version\":1.5"),
                END.replace("2026-01-02T03:04:05.123Z", "yesterday"),
                score.replaceAll("\"checks\":\\[.*\\]", "\"checks\":\"none\"")) + "\n");
        RecordReader.Reading reading = read(file);
        assertThat(events).isEmpty();
        assertThat(reading.problems()).extracting(LineProblem::field).containsExactly(
                "passed", "score", "checks[0].status", "checks[0].weight", "status", "schema_version", "ts", "checks");
        assertThat(reading.problems()).extracting(LineProblem::message).startsWith(
                "expected true or false, got a string", "expected a number, got a string",
                "not a check status: 'great' (passed, failed or unavailable)", "expected a number, got an array",
                "not a test status: 'done' (successful, failed or aborted)", "expected a whole number (32 bits), got the number 1.5",
                "not an instant: 'yesterday'", "expected an array, got a string");
    }

    @Test
    void aLineLongerThanTheLimitIsSkippedWithoutHoldingItWhole() throws IOException {
        Path file = dir.resolve("run.jsonl");
        try (var out = Files.newOutputStream(file)) {
            out.write((END + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i <= RecordReader.MAX_LINE_BYTES / chunk.length; i++) {
                out.write(chunk);
            }
            out.write(("\n" + END + "\n").getBytes(StandardCharsets.UTF_8));
        }
        RecordReader.Reading reading = read(file);
        assertThat(events).hasSize(2);
        assertThat(reading.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("longer than");
        });
    }

    @Test
    void unknownEventKindsAndUnknownFieldsAreKeptAndWrittenBack() throws Exception {
        String future = "{\"schema_version\":2,\"event\":\"gpu_sample\",\"ts\":\"2026-01-02T03:04:05Z\",\"run_id\":\"r\","
                + "\"watts\":312.5,\"per_gpu\":[1,2]}";
        String extra = END.replace("}", ",\"energy_j\":12}");
        read(ledger(future + "\n" + extra + "\n"));
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(RunEvent.Unknown.class, u -> {
            assertThat(u.event()).isEqualTo("gpu_sample");
            assertThat(u.stamp().schemaVersion()).isEqualTo(2);
        });
        assertThat(RecordCodec.encode(events.get(0))).isEqualTo(future);
        assertThat(events.get(1).stamp().hasUnknown()).isTrue();
        assertThat(RecordCodec.encode(events.get(1))).isEqualTo(extra);
    }

    @Test
    void aShardMarkIsKeptAtTheEndOfTheLine() throws Exception {
        String marked = END.replace("}", ",\"shard\":\"2/3\"}");
        RunEvent e = RecordCodec.decode(marked);
        assertThat(e.stamp().shard()).isEqualTo("2/3");
        assertThat(RecordCodec.encode(e)).isEqualTo(marked);
        assertThat(RecordCodec.encode(RecordCodec.decode(END).withStamp(RecordCodec.decode(END).stamp().inShard("2/3"))))
                .isEqualTo(marked);
    }

    @Test
    void anEmptyOrBlankLedgerHasNoEvents() throws IOException {
        assertThat(read(ledger("")).lines()).isZero();
        assertThat(read(ledger("\n  \n")).problems()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void decodingNeverThrowsAnythingButBadLine() {
        for (String junk : List.of("", "null", "{}", "{\"event\":null}", "{\"schema_version\":1,\"event\":\"call\",\"ts\":\"2026-01-02T03:04:05Z\"}",
                "{\"schema_version\":1,\"event\":\"call\",\"ts\":\"2026-01-02T03:04:05Z\",\"test_id\":\"t\",\"model\":\"m\",\"messages\":[null]}",
                "{\"schema_version\":99999999999,\"event\":\"x\",\"ts\":\"2026-01-02T03:04:05Z\"}")) {
            assertThatThrownBy(() -> RecordCodec.decode(junk)).as(junk).isInstanceOf(RecordCodec.BadLine.class);
        }
    }

    @Test
    void whatTheLedgerSchemaDoesNotRequireMayBeMissingFromAnOlderLedger() throws Exception {
        String end = "{\"schema_version\":1,\"event\":\"run_end\",\"ts\":\"2026-01-02T03:04:05Z\",\"run_id\":\"r\",\"duration_ms\":5}";
        RunEvent.RunEnd read = (RunEvent.RunEnd) RecordCodec.decode(end);
        assertThat(read.tests()).isNull();
        assertThat(read.scored()).isNull();
        assertThat(RecordCodec.encode(read)).isEqualTo(end);
        String call = "{\"schema_version\":1,\"event\":\"call\",\"ts\":\"2026-01-02T03:04:05Z\",\"run_id\":\"r\","
                + "\"test_id\":\"t\",\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"raw_output\":\"hello\",\"latency_ms\":12,\"attempts\":1}";
        RunEvent.Call c = (RunEvent.Call) RecordCodec.decode(call);
        assertThat(c.rawOutput()).isEqualTo("hello");
        assertThat(c.retryWaitsMs()).isEmpty();
        assertThat(c.streamed()).isFalse();
        assertThatThrownBy(() -> RecordCodec.decode(call.replace(",\"latency_ms\":12", "")))
                .isInstanceOfSatisfying(RecordCodec.BadLine.class, e -> assertThat(e.field()).isEqualTo("latency_ms"));
    }
}
