package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.llmbench.json.Json;
import org.llmbench.record.RecordCodec;
import org.llmbench.record.RunEvent;
import org.llmbench.record.Sampling;
import org.llmbench.record.Stamp;
import org.llmbench.record.TaskParse;
import org.llmbench.record.TestRef;
import org.llmbench.scoring.Check;
import org.llmbench.scoring.Score;

/** A score's details, read as the ledger names them or built typed by the engine, make the same line, in the ledger's order. */
class LedgerEventsTest {

    private static final Stamp STAMP = Stamp.now("r");
    private static final TestRef REF = new TestRef("[engine:llm-bench]/[model:m]/[suite:tasks]/[task:etl-01]", "m",
            "tasks", "etl-01", "etl");
    private static final Score SCORE = new Score(80, 70, List.of(Check.passed("answer", 1, "= 26")));

    @Test
    void aTasksDetailsByNameAndTypedMakeTheSameLineInTheLedgersOrder() throws Exception {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", "etl");
        details.put("strict_json", true);
        details.put("parse_ok", true);
        details.put("parse_retries", 0);
        details.put("parse_recoveries", List.of("fenced_block"));
        details.put("parse_error", null);
        details.put("parsed", Map.of("final", "26"));
        details.put("sandbox_layers", List.of("no_network"));
        details.put("samples", 2);
        details.put("sample_scores", List.of(80.0, 80.0));
        details.put("samples_passed", 2);
        details.put("pass_at_k", Map.of("1", 1.0));
        RunEvent.Score byName = withDetails(2.0, details);
        RunEvent.Score typed = new RunEvent.Score(STAMP, REF, 80, 70, true, 2.0, 160, byName.checks(),
                new TaskParse("etl", true, true, 0, List.of("fenced_block"), null, Json.MAPPER.valueToTree(Map.of("final", "26"))),
                new Sampling(2, List.of(80.0, 80.0), 2, Map.of("1", 1.0)), List.of("no_network"));
        assertThat(RecordCodec.encode(byName)).isEqualTo(RecordCodec.encode(typed));
        assertThat(List.of(RecordCodec.toTree(typed).fieldNames()).get(0)).toIterable()
                .containsSubsequence("checks", "kind", "parse_error", "parsed", "sandbox_layers", "samples", "pass_at_k");
    }

    @Test
    void aQuestionsSamplesComeBeforeItsSandboxLayersAndUnknownDetailsAreKeptAtTheEnd() throws Exception {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("samples", 2);
        details.put("sample_scores", List.of(80.0, 80.0));
        details.put("samples_passed", 2);
        details.put("pass_at_k", Map.of("1", 1.0));
        details.put("sandbox_layers", List.of("no_network"));
        details.put("energy_j", 12);
        String line = RecordCodec.encode(withDetails(1.0, details));
        assertThat(line.indexOf("\"samples\"")).isLessThan(line.indexOf("\"sandbox_layers\""));
        assertThat(line).endsWith(",\"energy_j\":12}");
    }

    @Test
    void detailsOfTheWrongTypeAreAnErrorNamingTheField() {
        assertThatThrownBy(() -> withDetails(1.0, Map.of("samples", "two")))
                .isInstanceOf(RecordCodec.BadLine.class).hasMessageContaining("samples");
    }

    /** A score with details named as in the ledger, read the way the codec reads a line's details. */
    private static RunEvent.Score withDetails(double weight, Map<String, ?> details) throws RecordCodec.BadLine {
        return RecordCodec.withScoreDetails(LedgerEvents.breakdown(STAMP, REF, SCORE, weight), Json.MAPPER.valueToTree(details));
    }
}
