package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmbench.json.Json;
import org.llmbench.record.RecordReader;
import org.llmbench.record.RunEvent;

/**
 * The golden run folders (written before the record was typed, see src/test/resources/golden-ledgers/README.md)
 * read back identically: results.json and metadata.json derived again from each ledger equal the stored ones, and
 * the totals derived from the whole ledger equal those its last {@code run_end} recorded.
 */
class GoldenRunFoldersTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden-ledgers");

    @TempDir
    Path out;

    static Stream<Path> folders() throws IOException {
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            List<Path> all = files.filter(p -> p.getFileName().toString().equals("run.jsonl")).map(Path::getParent).sorted().toList();
            assertThat(all).hasSizeGreaterThanOrEqualTo(8);
            return all.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("folders")
    void resultsAndMetadataDerivedAgainEqualTheStoredOnes(Path folder) throws IOException {
        JsonNode stored = Json.MAPPER.readTree(folder.resolve("results.json").toFile());
        String runId = stored.path("run_id").asText();
        String hash = stored.path("config_hash").asText();
        ResultsWriter.write(FinalScores.of(folder.resolve("run.jsonl")), out.resolve("results.json"), runId, hash);
        assertThat(Json.MAPPER.readTree(out.resolve("results.json").toFile())).isEqualTo(stored);

        ObjectNode metadata = (ObjectNode) Json.MAPPER.readTree(folder.resolve("metadata.json").toFile());
        MetadataWriter.write(FinalScores.of(folder.resolve("run.jsonl")), out.resolve("metadata.json"), runId, hash);
        ObjectNode again = (ObjectNode) Json.MAPPER.readTree(out.resolve("metadata.json").toFile());
        metadata.remove("written_at");
        again.remove("written_at");
        assertThat(Json.MAPPER.readTree(again.toString())).isEqualTo(Json.MAPPER.readTree(metadata.toString()));
    }

    @ParameterizedTest
    @MethodSource("folders")
    void theTotalsOfTheWholeLedgerAreThoseItsLastRunEndRecorded(Path folder) throws IOException {
        List<RunEvent.RunEnd> ends = new ArrayList<>();
        RecordReader.forEach(folder.resolve("run.jsonl"), e -> {
            if (e instanceof RunEvent.RunEnd end) {
                ends.add(end);
            }
        });
        RunEvent.RunEnd last = ends.get(ends.size() - 1);
        RunSummary summary = RunSummary.of(folder.resolve("run.jsonl"));
        assertThat(summary.statuses()).containsExactlyInAnyOrderEntriesOf(last.tests());
        assertThat(summary.scored()).isEqualTo(last.scored());
        assertThat(summary.modelScores()).containsExactlyEntriesOf(last.modelTotals());
    }
}
