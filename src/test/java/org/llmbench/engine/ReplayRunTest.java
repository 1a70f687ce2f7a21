package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.llmbench.testing.BenchLauncher;
import org.llmbench.testing.FakeModelServer;

/**
 * Replay through the Launcher: a mock run's ledger answers a second run with no network. The configured URL
 * points at a fake server that must see no request, so any connection a replay opened would fail the test.
 */
class ReplayRunTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path out;

    private FakeModelServer tripwire;

    @BeforeEach
    void startTripwire() throws Exception {
        tripwire = new FakeModelServer(FakeModelServer.answering(r -> "a replay must never ask a server"));
    }

    @AfterEach
    void checkTripwire() {
        tripwire.close();
        assertThat(tripwire.requests()).as("requests a replay sent to a server").isEmpty();
    }

    private Path recordMockRun() throws Exception {
        TestExecutionSummary summary = BenchLauncher.run(Map.of("bench.model", "mock,mock:junk,mock:failing",
                "bench.phases", "hello,5q,tasks", "bench.maxTasks", "1", "bench.out", out.resolve("original").toString()));
        assertThat(summary.getTestsStartedCount()).isGreaterThan(18);
        return BenchLauncher.latestRun(out.resolve("original"));
    }

    private Path replay(Path ledger) throws Exception {
        Map<String, String> params = new LinkedHashMap<>(Map.of("bench.replay", ledger.toString(),
                "bench.phases", "hello,5q,tasks", "bench.maxTasks", "1", "bench.out", out.resolve("replay").toString(), "bench.url", tripwire.baseUrl()));
        BenchLauncher.run(params);
        return BenchLauncher.latestRun(out.resolve("replay"));
    }

    private static Map<String, Double> scores(Path run) throws Exception {
        Map<String, Double> scores = new LinkedHashMap<>();
        MAPPER.readTree(run.resolve("results.json").toFile()).path("tasks")
                .forEach(t -> scores.put(t.path("task_id").asText(), t.path("score").asDouble()));
        return scores;
    }

    @Test
    void aReplayTakesTheSeedAndEveryOtherSettingFromTheReplayedRunAndRecordsAnOverride() throws Exception {
        BenchLauncher.run(Map.of("bench.model", "mock", "bench.phases", "hello,tasks", "bench.seed", "7",
                "bench.temperature", "0.3", "bench.out", out.resolve("seven").toString()));
        Path original = BenchLauncher.latestRun(out.resolve("seven"));
        int tests = MAPPER.readTree(original.resolve("results.json").toFile()).path("summary").path("tasks").asInt();

        // No seed, no phases, no temperature: all from the replayed run's manifest.
        BenchLauncher.run(Map.of("bench.replay", original.resolve("run.jsonl").toString(),
                "bench.out", out.resolve("again").toString(), "bench.url", tripwire.baseUrl()));
        Path replayed = BenchLauncher.latestRun(out.resolve("again"));
        JsonNode summary = MAPPER.readTree(replayed.resolve("results.json").toFile()).path("summary");
        assertThat(summary.path("not_replayable").asInt()).isZero();
        assertThat(summary.path("tasks").asInt()).isEqualTo(tests).isGreaterThan(20);
        assertThat(summary.path("score_percent").asDouble()).isEqualTo(100.0);
        JsonNode effective = MAPPER.readTree(replayed.resolve("manifest.json").toFile()).path("effective_config");
        assertThat(effective.path("bench.seed").path("value").asText()).isEqualTo("7");
        assertThat(effective.path("bench.seed").path("source").asText()).startsWith("replayed run ");
        assertThat(effective.path("bench.temperature").path("value").asText()).isEqualTo("0.3");

        // A flag may still override, and the manifest says what it overrode.
        BenchLauncher.run(Map.of("bench.replay", original.resolve("run.jsonl").toString(), "bench.seed", "8",
                "bench.out", out.resolve("overridden").toString(), "bench.url", tripwire.baseUrl()));
        JsonNode overridden = MAPPER.readTree(BenchLauncher.latestRun(out.resolve("overridden")).resolve("manifest.json")
                .toFile()).path("effective_config").path("bench.seed");
        assertThat(overridden.path("value").asText()).isEqualTo("8");
        assertThat(overridden.path("source").asText()).isEqualTo("parameter, overriding the replayed run's 7");
    }

    /** Rewrites the ledger's lines, dropping those the editor maps to null. */
    private static Path edit(Path ledger, Path target, UnaryOperator<ObjectNode> editor) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(ledger)) {
            ObjectNode edited = editor.apply((ObjectNode) MAPPER.readTree(line));
            if (edited != null) {
                lines.add(edited.toString());
            }
        }
        return Files.write(target, lines);
    }

    @Test
    void replayingAMockRunGivesTheSameScoresWithoutAnyNetwork() throws Exception {
        Path original = recordMockRun();
        Path replayed = replay(original.resolve("run.jsonl"));
        assertThat(scores(replayed)).hasSizeGreaterThan(18).isEqualTo(scores(original));
        // junk answers to tasks are asked again with a stricter prompt: those second calls replay too
        assertThat(Files.readString(original.resolve("run.jsonl"))).contains("\"parse_retries\":1");
        assertThat(scores(replayed).values()).contains(100.0, 0.0);
        JsonNode manifest = MAPPER.readTree(replayed.resolve("manifest.json").toFile());
        assertThat(manifest.path("provider").asText()).isEqualTo("replay");
        assertThat(manifest.path("models")).extracting(JsonNode::asText).containsExactly("mock", "mock:junk", "mock:failing");
        // recorded failures replay as the same errors, with the recorded figures
        JsonNode metadata = MAPPER.readTree(replayed.resolve("metadata.json").toFile());
        assertThat(metadata.path("models").path("mock:failing").path("errors_by_kind").path("connection").asInt())
                .isEqualTo(metadata.path("models").path("mock:failing").path("tests").asInt());
    }

    @Test
    void aLedgerRecordedFromAServerReplaysOfflineAfterTheServerIsGone() throws Exception {
        Path original;
        try (FakeModelServer server = new FakeModelServer(FakeModelServer.answering(r ->
                "```bash\nwc -l *.log\n```\n1. ssh-keygen\n2. authorized_keys\n3. test\n4. remove"))) {
            BenchLauncher.run(Map.of("bench.model", "fake-model", "bench.provider", "openai", "bench.url", server.openAiUrl(),
                    "bench.phases", "hello,5q", "bench.out", out.resolve("original").toString()));
            // six chat calls, and the model listing read once for the manifest's model details
            assertThat(server.requests()).filteredOn(r -> r.body() != null).hasSize(6);
            original = BenchLauncher.latestRun(out.resolve("original"));
        }
        Map<String, Double> recorded = scores(original);
        assertThat(recorded).hasSize(6);
        assertThat(scores(replay(original.resolve("run.jsonl")))).isEqualTo(recorded);
    }

    @Test
    void replayScoresTheSavedOutputsWithTodaysScorersNotTheSavedScores() throws Exception {
        Path original = recordMockRun().resolve("run.jsonl");
        String q03 = "[engine:llm-bench]/[model:mock]/[suite:5q]/[question:Q03]";
        String q04 = "[engine:llm-bench]/[model:mock]/[suite:5q]/[question:Q04]";
        // As if an older scorer had scored everything 0, and Q03's output had been junk all along.
        Path edited = edit(original, out.resolve("edited.jsonl"), e -> {
            if (e.path("event").asText().equals("score")) {
                e.put("score", 0.0).put("passed", false).put("weighted_score", 0.0);
            }
            if (e.path("event").asText().equals("call") && e.path("test_id").asText().equals(q03)) {
                e.put("raw_output", "I would rather not say.");
            }
            return e;
        });
        Map<String, Double> scores = scores(replay(edited));
        assertThat(scores).containsKeys(q03, q04);
        assertThat(scores.get(q04)).isEqualTo(100.0);
        assertThat(scores.get(q03)).isLessThan(70.0);
        assertThat(scores).hasEntrySatisfying(junkQ04(scores), s -> assertThat(s).isEqualTo(0.0));
    }

    private static String junkQ04(Map<String, Double> scores) {
        return scores.keySet().stream().filter(k -> k.contains("junk") && k.endsWith("[question:Q04]")).findFirst().orElseThrow();
    }

    @Test
    void aQuestionMissingFromTheLedgerIsReportedAsNotReplayableNotAsAFailure() throws Exception {
        Path original = recordMockRun().resolve("run.jsonl");
        String q02 = "[engine:llm-bench]/[model:mock]/[suite:5q]/[question:Q02]";
        Path edited = edit(original, out.resolve("partial.jsonl"), e -> e.path("test_id").asText().equals(q02) ? null : e);
        TestExecutionSummary summary = BenchLauncher.run(Map.of("bench.replay", edited.toString(), "bench.model", "mock",
                "bench.phases", "hello,5q", "bench.out", out.resolve("replay").toString(), "bench.url", tripwire.baseUrl()));
        assertThat(summary.getTestsAbortedCount()).isEqualTo(1);
        assertThat(summary.getTestsFailedCount()).isZero();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(5);
        Path run = BenchLauncher.latestRun(out.resolve("replay"));
        JsonNode results = MAPPER.readTree(run.resolve("results.json").toFile());
        assertThat(results.path("summary").path("not_replayable").asInt()).isEqualTo(1);
        assertThat(results.path("summary").path("score_percent").asDouble()).isEqualTo(100.0);
        assertThat(Files.readString(run.resolve("run.jsonl"))).contains("\"error_kind\":\"not_replayable\"")
                .contains("\"status\":\"aborted\"");
        assertThat(Files.readString(run.resolve("report.md"))).contains("not replayable");
    }
}
