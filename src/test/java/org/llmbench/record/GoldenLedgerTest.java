package org.llmbench.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line of every golden ledger (run folders written before the record was typed, see
 * src/test/resources/golden-ledgers/README.md) decodes to a typed event and encodes back to the very same line:
 * the same fields, in the same order, with the same values.
 */
class GoldenLedgerTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden-ledgers");

    static Stream<Path> ledgers() throws IOException {
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            List<Path> all = files.filter(p -> p.getFileName().toString().equals("run.jsonl")).sorted().toList();
            assertThat(all).hasSizeGreaterThanOrEqualTo(8);
            return all.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("ledgers")
    void everyLineDecodesToATypedEventAndEncodesBackToTheSameLine(Path ledger) throws Exception {
        List<String> lines = Files.readAllLines(ledger, StandardCharsets.UTF_8);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            RunEvent event = RecordCodec.decode(lines.get(i));
            assertThat(event).as("%s:%d", ledger, i + 1).isNotInstanceOf(RunEvent.Unknown.class);
            assertThat(event.stamp().hasUnknown()).as("%s:%d has fields the codec does not know: %s", ledger, i + 1,
                    event.stamp().unknown()).isFalse();
            String again = RecordCodec.encode(event);
            if (!again.equals(lines.get(i))) {
                differences.add(ledger + ":" + (i + 1) + "\n  was " + lines.get(i) + "\n  now " + again);
            }
        }
        assertThat(differences).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("ledgers")
    void theReaderReadsEveryLineWithoutAProblem(Path ledger) throws Exception {
        List<RunEvent> events = new ArrayList<>();
        RecordReader.Reading reading = RecordReader.forEach(ledger, events::add);
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.events()).isEqualTo(Files.readAllLines(ledger).size()).isEqualTo(events.size());
    }

    @org.junit.jupiter.api.Test
    void theSubmissionExampleWrittenByHandFromAnOlderRunReadsWithoutAProblem() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("submissions"))) {
            for (Path ledger : files.filter(p -> p.getFileName().toString().equals("run.jsonl")).toList()) {
                List<RunEvent> events = new ArrayList<>();
                assertThat(RecordReader.forEach(ledger, events::add).problems()).isEmpty();
                assertThat(events).hasSize(Files.readAllLines(ledger).size()).noneMatch(e -> e instanceof RunEvent.Unknown);
            }
        }
    }
}
