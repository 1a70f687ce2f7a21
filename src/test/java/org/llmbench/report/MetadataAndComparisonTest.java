package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.json.Json;

/** metadata.json and run comparison from hand-written ledgers whose figures are known. */
class MetadataAndComparisonTest {

    @TempDir
    Path dir;

    private Path runA() throws Exception {
        return runA(true);
    }

    /** Run A, with or without a damaged line (which the comparison refuses: RunScores). */
    private Path runA(boolean damaged) throws Exception {
        SyntheticLedger ledger = new SyntheticLedger()
                .call("m", "5q", "Q1", 100, 20L, 9).score("m", "5q", "Q1", 100, 1)
                .call("m", "5q", "Q2", 300, 60L, 5).score("m", "5q", "Q2", 50, 1)
                .call("m", "5q", "Q3", 200, 40L, 3).score("m", "5q", "Q3", 80, 2)
                .failedCall("m", "5q", "Q4", "timeout").score("m", "5q", "Q4", 0, 1)
                .call("m", "hello", "H1", 1000, null, 10).score("m", "hello", "H1", 100, 1)
                .failedCall("m", "5q", "Q5", "not_replayable");
        return (damaged ? ledger.raw("{\"event\":\"call\",\"test_id\":\"torn") : ledger).writeTo(dir.resolve("a/run.jsonl"));
    }

    @Test
    void metadataHoldsScoresPercentilesAndErrorsPerModelAndPhase() throws Exception {
        Path ledger = runA();
        MetadataWriter.write(FinalScores.of(ledger), dir.resolve("metadata.json"), "r", "sha256:x");
        JsonNode meta = Json.MAPPER.readTree(dir.resolve("metadata.json").toFile());
        JsonNode q = meta.path("models").path("m").path("phases").path("5q");
        // weighted: (100 + 50 + 160 + 0) / 5 = 62
        assertThat(q.path("score").asDouble()).isCloseTo(62, within(1e-9));
        assertThat(q.path("tests").asInt()).isEqualTo(4);
        assertThat(q.path("passed").asInt()).isEqualTo(2);
        // latencies of successful calls 100 200 300: p50 200, p90 h=1.8 -> 280, p95 290, p99 298
        assertThat(q.path("latency_ms").path("p50").asDouble()).isEqualTo(200);
        assertThat(q.path("latency_ms").path("p90").asDouble()).isEqualTo(280);
        assertThat(q.path("latency_ms").path("p95").asDouble()).isEqualTo(290);
        assertThat(q.path("latency_ms").path("p99").asDouble()).isEqualTo(298);
        // ttft 20 40 60: p90 h=1.8 -> 56
        assertThat(q.path("ttft_ms").path("p90").asDouble()).isEqualTo(56);
        // tpot: (100-20)/8 = 10, (300-60)/4 = 60, (200-40)/2 = 80 -> p50 60
        assertThat(q.path("tpot_ms").path("p50").asDouble()).isEqualTo(60);
        // tokens/s: 90, 16.67, 15 -> p50 16.67
        assertThat(q.path("completion_tokens_per_s").path("p50").asDouble()).isEqualTo(16.67);
        assertThat(q.path("errors_by_kind").path("timeout").asInt()).isEqualTo(1);
        assertThat(q.path("errors_by_kind").path("not_replayable").asInt()).isEqualTo(1);
        JsonNode hello = meta.path("models").path("m").path("phases").path("hello");
        assertThat(hello.path("ttft_ms").path("n").asInt()).isZero();
        assertThat(hello.path("ttft_ms").path("p50").isNull()).isTrue();
        // the model over all phases: (310 + 100) / 6
        assertThat(meta.path("models").path("m").path("score").asDouble()).isCloseTo(410.0 / 6, within(1e-9));
        assertThat(meta.path("models").path("m").path("tests").asInt()).isEqualTo(5);
    }

    @Test
    void aTestScoredTwiceInAResumedRunCountsOnceWithItsLastScore() throws Exception {
        Path ledger = new SyntheticLedger()
                .failedCall("m", "5q", "Q1", "connection").score("m", "5q", "Q1", 0, 1)
                .call("m", "5q", "Q1", 100, null, 5).score("m", "5q", "Q1", 100, 1)
                .writeTo(dir.resolve("run.jsonl"));
        MetadataWriter.write(FinalScores.of(ledger), dir.resolve("metadata.json"), "r", "h");
        JsonNode q = Json.MAPPER.readTree(dir.resolve("metadata.json").toFile()).path("models").path("m");
        assertThat(q.path("tests").asInt()).isEqualTo(1);
        assertThat(q.path("score").asDouble()).isEqualTo(100);
        assertThat(q.path("errors_by_kind").isEmpty()).isTrue();
    }

    @Test
    void comparisonGivesScoreAndLatencyDeltasPerQuestion() throws Exception {
        assertThatThrownBy(() -> RunComparison.of(runA().getParent(), runA().getParent()))
                .isInstanceOf(BaselineProblem.class).hasMessageContaining("run.jsonl:12: not JSON");
        Path a = runA(false);
        Path b = new SyntheticLedger()
                .call("m", "5q", "Q1", 150, null, 9).score("m", "5q", "Q1", 90, 1)
                .call("m", "5q", "Q2", 250, null, 5).score("m", "5q", "Q2", 75, 1)
                .call("m", "5q", "Q6", 10, null, 1).score("m", "5q", "Q6", 100, 1)
                .call("m", "5q", "Q4", 40, null, 1).score("m", "5q", "Q4", 100, 1)
                .writeTo(dir.resolve("b/run.jsonl"));
        RunComparison c = RunComparison.of(a.getParent(), b);
        assertThat(c.rows()).extracting(RunComparison.Row::question).containsExactly("5q/Q1", "5q/Q2", "5q/Q4");
        RunComparison.Row q1 = c.rows().get(0);
        assertThat(q1.scoreDelta()).isEqualTo(-10);
        assertThat(q1.latencyDelta()).isEqualTo(50);
        assertThat(c.rows().get(1).scoreDelta()).isEqualTo(25);
        assertThat(c.rows().get(1).latencyDelta()).isEqualTo(-50);
        // Q4 timed out in A: no latency to compare, the score delta still counts
        assertThat(c.rows().get(2).latencyDelta()).isNull();
        assertThat(c.rows().get(2).scoreDelta()).isEqualTo(100);
        assertThat(c.onlyInA()).containsExactly("5q/Q3", "hello/H1");
        assertThat(c.onlyInB()).containsExactly("5q/Q6");
        assertThat(c.table()).contains("-10.0").contains("+50").contains("mean score delta +38.33");
    }

    @Test
    void runsWithSeveralModelsAreMatchedModelByModel() throws Exception {
        Path a = new SyntheticLedger().call("x", "5q", "Q1", 10, null, 1).score("x", "5q", "Q1", 100, 1)
                .call("y", "5q", "Q1", 10, null, 1).score("y", "5q", "Q1", 0, 1).writeTo(dir.resolve("x/run.jsonl"));
        Path b = new SyntheticLedger().call("y", "5q", "Q1", 10, null, 1).score("y", "5q", "Q1", 40, 1)
                .writeTo(dir.resolve("y/run.jsonl"));
        RunComparison c = RunComparison.of(a, b);
        assertThat(c.rows()).singleElement().satisfies(r -> {
            assertThat(r.question()).isEqualTo("y/5q/Q1");
            assertThat(r.scoreDelta()).isEqualTo(40);
        });
        assertThat(c.onlyInA()).containsExactly("x/5q/Q1");
    }
}
