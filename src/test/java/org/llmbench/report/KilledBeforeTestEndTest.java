package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed between a test's score and its end: the resumed process skips the test as scored, and the run's
 * statuses count it by its score, as the killed process would have ended it (found when KillAndResumeTest's kill
 * landed there once in a full build).
 */
class KilledBeforeTestEndTest {

    private static final Path RESUMED = Path.of("src/test/resources/golden-ledgers/resumed");

    @Test
    void aTestScoredButNotEndedBeforeTheKillCountsByItsScore(@TempDir Path dir) throws Exception {
        Path ledger = dir.resolve("run.jsonl");
        // Q04 passed in the first process; its test_end is what the kill cut off.
        List<String> lines = Files.readAllLines(golden());
        List<String> cut = lines.stream().filter(l -> !(l.contains("\"event\":\"test_end\"") && l.contains("[question:Q04]"))).toList();
        assertThat(cut).hasSize(lines.size() - 1);
        Files.write(ledger, cut);

        RunSummary summary = RunSummary.of(ledger);

        assertThat(summary.statuses()).containsExactlyEntriesOf(java.util.Map.of("successful", 13));
        assertThat(summary.scored()).isEqualTo(13);
    }

    @Test
    void aFailedScoreCountsAsFailedAndATestNeverScoredStaysSkipped(@TempDir Path dir) throws Exception {
        Path ledger = dir.resolve("run.jsonl");
        List<String> lines = Files.readAllLines(golden()).stream()
                .filter(l -> !(l.contains("\"event\":\"test_end\"") && l.contains("[question:Q04]")))
                .map(l -> l.contains("\"event\":\"score\"") && l.contains("[question:Q04]") ? l.replace("\"passed\":true", "\"passed\":false") : l)
                .toList();
        Files.write(ledger, lines);
        // A test skipped for another reason, with no score anywhere, is skipped whatever the rest says.
        String skipped = lines.stream().filter(l -> l.contains("\"event\":\"test_skipped\"")).findFirst().orElseThrow();
        Files.writeString(ledger, skipped.replaceAll("\\[question:[A-Z0-9]+]", "[question:X99]") + "\n",
                java.nio.file.StandardOpenOption.APPEND);

        RunSummary summary = RunSummary.of(ledger);

        assertThat(summary.statuses()).containsEntry("failed", 1).containsEntry("successful", 12).containsEntry("skipped", 1);
    }

    private static Path golden() throws Exception {
        try (Stream<Path> runs = Files.list(RESUMED)) {
            return runs.findFirst().orElseThrow().resolve("run.jsonl");
        }
    }
}
