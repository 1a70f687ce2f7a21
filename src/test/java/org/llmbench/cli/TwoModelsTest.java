package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.report.RunSummary;

/** Two models in one run: each has its own total and interval, nothing is added up across them, and the gate holds each. */
class TwoModelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void eachModelHasItsOwnTotalAndTheGateNamesTheOneBelowIt() throws Exception {
        Cli cli = Cli.run("run", "--model", "mock,mock:junk", "--phases", "hello,5q", "--min-score", "70",
                "--out", tmp.toString());

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(cli.err()).contains("FAILED: below the minimum: mock:junk (0.00)").doesNotContain("mock (100");
        assertThat(cli.out()).contains("weighted totals: mock 100.00, mock:junk 0.00").doesNotContain("50.00");

        Path folder = CommandsTest.onlyRun(tmp);
        JsonNode results = JSON.readTree(folder.resolve("results.json").toFile());
        assertThat(results.path("summary").has("score_percent")).isFalse();
        assertThat(results.path("summary").has("score_ci95_low")).isFalse();
        assertThat(results.path("models")).hasSize(2);
        assertThat(results.path("models").get(0).path("model").asText()).isEqualTo("mock");
        assertThat(results.path("models").get(0).path("score_percent").asDouble()).isEqualTo(100.0);
        assertThat(results.path("models").get(1).path("score_percent").asDouble()).isEqualTo(0.0);

        String report = Files.readString(folder.resolve("report.md"));
        assertThat(report).contains("- mock: weighted total: **100.00 / 100**", "- mock:junk: weighted total: **0.00 / 100**")
                .doesNotContain("50.00");
        assertThat(Files.readString(folder.resolve("run.md"))).doesNotContain("50.00");
        JsonNode metadata = JSON.readTree(folder.resolve("metadata.json").toFile());
        assertThat(metadata.path("models").size()).isEqualTo(2);
        assertThat(metadata.has("score")).isFalse();

        String table = RunSummary.of(folder.resolve("run.jsonl")).table();
        assertThat(table).contains("mock: 100.00 / 100 over 6 scored", "mock:junk: 0.00 / 100 over 6 scored",
                "mock leads with 100.00").doesNotContain("50.00").doesNotContain("\nweighted total:");
        JsonNode runEnd = lastLine(folder.resolve("run.jsonl"));
        assertThat(runEnd.has("weighted_total")).isFalse();
        assertThat(runEnd.path("model_totals").path("mock:junk").asDouble()).isEqualTo(0.0);
    }

    @Test
    void oneModelKeepsItsTotalWhereItAlwaysWas() throws Exception {
        Cli cli = Cli.run("run", "--model", "mock", "--phases", "hello,5q", "--min-score", "70", "--out", tmp.toString());

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.OK);
        Path folder = CommandsTest.onlyRun(tmp);
        JsonNode results = JSON.readTree(folder.resolve("results.json").toFile());
        assertThat(results.path("summary").path("score_percent").asDouble()).isEqualTo(100.0);
        assertThat(results.path("models").get(0).path("total_score").asDouble()).isEqualTo(100.0);
        assertThat(RunSummary.of(folder.resolve("run.jsonl")).table()).contains("weighted total: 100.00 / 100 over 6 scored");
        assertThat(lastLine(folder.resolve("run.jsonl")).path("weighted_total").asDouble()).isEqualTo(100.0);
    }

    private static JsonNode lastLine(Path ledger) throws Exception {
        var lines = Files.readAllLines(ledger);
        return JSON.readTree(lines.get(lines.size() - 1));
    }
}
