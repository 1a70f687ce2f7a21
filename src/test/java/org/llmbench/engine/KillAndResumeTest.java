package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.report.Leaderboard;
import org.llmbench.testing.ChildJvm;
import org.llmbench.testing.GeneratedSuite;

/** A real run in a child JVM, killed with SIGKILL part-way, then resumed: nothing lost, nothing twice. */
class KillAndResumeTest {

    /** A child killed mid-run must not leave torn Allure files in the project's target. */
    private static final String NO_ALLURE = "-Djunit.platform.execution.listeners.deactivate=io.qameta.allure.*";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int QUESTIONS = 300;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aKilledRunLeavesWholeLinesAndResumingScoresEachQuestionExactlyOnce(@TempDir Path dir) throws Exception {
        Path suites = dir.resolve("suites");
        GeneratedSuite.write(suites, "big", QUESTIONS);
        Path out = dir.resolve("out");

        Process first = ChildJvm.start(dir.resolve("first.log"), List.of("-Xmx128m", NO_ALLURE), suites, "bench.model=mock:slow:15",
                "bench.phases=all", "bench.out=" + out);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Path ledger = null;
        while ((ledger == null || scores(ledger) < 40) && System.nanoTime() < deadline && first.isAlive()) {
            Thread.sleep(50);
            ledger = ledger != null ? ledger : runFolder(out);
        }
        String runId = ledger.getParent().getFileName().toString().substring("run-".length());
        assertThat(first.isAlive()).as("the run must still be going when it is killed").isTrue();
        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        int scoredBeforeKill = scores(ledger);
        assertThat(scoredBeforeKill).isBetween(40, QUESTIONS - 1);
        for (String line : Files.readAllLines(ledger)) {
            assertThat(MAPPER.readTree(line).path("event").isTextual()).as("every line parses: %s", line).isTrue();
        }

        Process second = ChildJvm.start(dir.resolve("second.log"), List.of("-Xmx128m", NO_ALLURE), suites, "bench.model=mock:slow:15",
                "bench.phases=all", "bench.out=" + out, "bench.runId=" + runId);
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(dir.resolve("second.log"))).contains("skipped " + scoredBeforeKill);

        Map<String, Integer> scoresPerQuestion = new HashMap<>();
        for (String line : Files.readAllLines(ledger)) {
            JsonNode event = MAPPER.readTree(line);
            if (event.path("event").asText().equals("score")) {
                scoresPerQuestion.merge(event.path("item").asText(), 1, Integer::sum);
            }
        }
        assertThat(scoresPerQuestion).hasSize(QUESTIONS);
        assertThat(scoresPerQuestion.values()).containsOnly(1);
        JsonNode manifest = MAPPER.readTree(out.resolve("run-" + runId).resolve("manifest.json").toFile());
        assertThat(manifest.path("resumed").asBoolean()).isTrue();
        assertThat(manifest.path("resumes").get(0).path("questions_scored_before").asInt()).isEqualTo(scoredBeforeKill);
        JsonNode results = MAPPER.readTree(out.resolve("run-" + runId).resolve("results.json").toFile());
        assertThat(results.path("tasks")).hasSize(QUESTIONS);

        // Every total says the same, over the questions of both processes: results.json, run_end, console, leaderboard.
        double total = results.path("summary").path("score_percent").asDouble();
        assertThat(results.path("summary").path("tasks").asInt()).isEqualTo(QUESTIONS);
        JsonNode runEnd = null;
        for (String line : Files.readAllLines(ledger)) {
            JsonNode event = MAPPER.readTree(line);
            if (event.path("event").asText().equals("run_end")) {
                runEnd = event;
            }
        }
        assertThat(runEnd).isNotNull();
        assertThat(runEnd.path("weighted_total").asDouble()).isEqualTo(total);
        assertThat(runEnd.path("scored").asInt()).isEqualTo(QUESTIONS);
        assertThat(runEnd.path("tests").path("successful").asInt()).isEqualTo(QUESTIONS);
        assertThat(Files.readString(dir.resolve("second.log")))
                .contains(String.format(java.util.Locale.ROOT, "weighted total: %.2f / 100 over %d scored", total, QUESTIONS));
        JsonNode board = MAPPER.readTree(out.resolve(Leaderboard.FILE).toFile());
        List<JsonNode> entries = new java.util.ArrayList<>();
        board.path("runs").forEach(e -> {
            if (e.path("run_id").asText().equals(runId)) {
                entries.add(e);
            }
        });
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.path("score").asDouble()).isEqualTo(Math.round(total * 100) / 100.0);
            assertThat(e.path("tests").asInt()).isEqualTo(QUESTIONS);
        });
    }

    private static Path runFolder(Path out) throws java.io.IOException {
        if (!Files.isDirectory(out)) {
            return null;
        }
        try (var runs = Files.list(out)) {
            return runs.filter(p -> p.getFileName().toString().startsWith("run-")).findFirst()
                    .map(p -> p.resolve("run.jsonl")).orElse(null);
        }
    }

    private static int scores(Path ledger) throws Exception {
        if (!Files.exists(ledger)) {
            return 0;
        }
        int n = 0;
        for (String line : Files.readAllLines(ledger)) {
            n += line.contains("\"event\":\"score\"") ? 1 : 0;
        }
        return n;
    }
}
