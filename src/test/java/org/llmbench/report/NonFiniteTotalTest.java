package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.json.Json;

/**
 * A ledger whose total cannot be computed: weights of 1e308 add up to Infinity, and Infinity over Infinity is NaN. The
 * gate fails it whatever the minimum, and results.json holds null with a reason, never the strings "NaN" or "Infinity".
 * A line an old harness wrote with such a weight ("weight":"Infinity", "weighted_score":"NaN") is no event at all: the
 * gate fails the run rather than judge a total that leaves it out.
 */
class NonFiniteTotalTest {

    @TempDir
    Path folder;

    private Path ledgerWithHugeWeights() throws IOException {
        return new SyntheticLedger()
                .call("m", "5q", "Q1", 100, null, 10).score("m", "5q", "Q1", 1, 1e308)
                .call("m", "5q", "Q2", 100, null, 10).score("m", "5q", "Q2", 1, 1e308)
                .writeTo(folder.resolve("run.jsonl"));
    }

    @Test
    void aTotalThatIsNotANumberFailsTheGateInsteadOfPassingIt() throws IOException {
        ledgerWithHugeWeights();
        assertThat(RunSummary.of(folder.resolve("run.jsonl")).modelTotals().get(0).score()).isNaN();

        assertThat(QualityGate.verdict(folder, 70)).get().asString()
                .isEqualTo("quality gate: minimum 70.00: m none over 2 scored: FAILED: below the minimum: m (none)");
        assertThat(QualityGate.verdict(folder, 0)).isPresent();
    }

    @Test
    void aScoreLineWithAWeightThatIsNoNumberFailsTheGateThoughTheOtherScoresPass() throws IOException {
        String old = new SyntheticLedger().score("m", "5q", "Q1", 0, 1).lines().get(0)
                .replace("\"weight\":1.0", "\"weight\":\"Infinity\"").replace("\"weighted_score\":0.0", "\"weighted_score\":\"NaN\"");
        new SyntheticLedger().call("m", "5q", "Q1", 100, null, 10).raw(old)
                .call("m", "5q", "Q2", 100, null, 10).score("m", "5q", "Q2", 100, 1)
                .writeTo(folder.resolve("run.jsonl"));

        assertThat(QualityGate.verdict(folder, 0)).get().asString()
                .startsWith("quality gate: FAILED: 1 line(s) of the ledger are no event")
                .contains("run.jsonl:2: weight: expected a number, got a string");
    }

    @Test
    void aRunWithNoTotalFailsTheGate() throws IOException {
        new SyntheticLedger().call("m", "5q", "Q1", 100, null, 10).writeTo(folder.resolve("run.jsonl"));

        assertThat(QualityGate.verdict(folder, 0)).get().asString().contains("scored no question");
    }

    @Test
    void aMinimumThatIsNotANumberFailsTheGate() throws IOException {
        new SyntheticLedger().call("m", "5q", "Q1", 100, null, 10).score("m", "5q", "Q1", 100, 1)
                .writeTo(folder.resolve("run.jsonl"));

        assertThat(QualityGate.verdict(folder, Double.NaN)).get().asString().contains("is not a number from 0 to 100");
        assertThat(QualityGate.verdict(folder, 70)).isEmpty();
    }

    @Test
    void resultsJsonHoldsNullWithAReasonNeverNaNOrInfinity() throws IOException {
        Path ledger = ledgerWithHugeWeights();
        Path results = folder.resolve("results.json");

        ResultsWriter.write(FinalScores.of(ledger), results, "r", "sha256:0");

        String text = Files.readString(results);
        assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode summary = Json.MAPPER.readTree(text).path("summary");
        assertThat(summary.path("score_percent").isNull()).isTrue();
        assertThat(summary.path("total_score").isNull()).isTrue();
        assertThat(summary.path("total_unavailable").asText()).contains("cannot be computed");
    }
}
