package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.json.Json;

/**
 * check-submission and memory/energy: a footprint line passes the ledger's schema, results.json's footprint passes its
 * own, and results.json must say what the ledger's footprint lines give: missing, invented or edited figures are found.
 */
class FootprintSubmissionCheckTest {

    @TempDir
    Path tmp;

    private Path run;
    private String model;

    @BeforeEach
    void copyExample() throws IOException {
        Path example = SubmissionCheckTest.example();
        run = tmp.resolve("EXAMPLE/example-device").resolve(example.getFileName());
        CommandsTest.copy(example, run);
        JsonNode manifest = Json.MAPPER.readTree(run.resolve("manifest.json").toFile());
        model = manifest.path("models").get(0).asText();
        String runId = manifest.path("run_id").asText();
        Files.writeString(run.resolve("run.jsonl"), "{\"schema_version\":1,\"event\":\"footprint\",\"ts\":\"2026-12-07T01:00:00Z\","
                + "\"run_id\":\"" + runId + "\",\"model\":\"" + model + "\",\"window_ms\":5000,\"samples\":5,\"period_ms\":1000,"
                + "\"memory\":{\"at_load_bytes\":100,\"peak_bytes\":150,\"source\":\"process_rss\",\"readings\":[{\"source\":"
                + "\"process_rss\",\"what\":\"server\",\"at_load_bytes\":100,\"peak_bytes\":150}],\"unavailable\":[]},"
                + "\"energy\":{\"readings\":[],\"unavailable\":[{\"source\":\"rapl\",\"reason\":\"no RAPL counter\"}]}}\n",
                StandardOpenOption.APPEND);
    }

    private List<Finding> footprintFindings() throws IOException {
        return new SubmissionChecker(null).check(run).stream().filter(f -> List.of("footprint", "schema").contains(f.kind()))
                .toList();
    }

    /** results.json's model entry (the EXAMPLE predates the models list) with the given footprint. */
    private void writeFootprint(String json) throws IOException {
        ObjectNode results = (ObjectNode) Json.MAPPER.readTree(run.resolve("results.json").toFile());
        ObjectNode entry = (ObjectNode) Json.MAPPER.readTree("{\"model\":\"" + model + "\",\"total_weighted_score\":5750.0,"
                + "\"total_weight\":57.5,\"score_percent\":100.0,\"total_score\":100.0,\"tasks\":48,\"passed\":48,"
                + "\"score_stderr\":0.0,\"score_ci95_low\":100.0,\"score_ci95_high\":100.0}");
        entry.set("footprint", Json.MAPPER.readTree(json));
        results.putArray("models").add(entry);
        Json.PRETTY.writeValue(run.resolve("results.json").toFile(), results);
    }

    private static final String DERIVED = "{\"memory_at_load_bytes\":100,\"memory_peak_bytes\":150,\"memory_source\":\"process_rss\","
            + "\"vram_peak_bytes\":null,\"vram_source\":null,\"kv_cache_bytes\":null,\"memory_unavailable\":null,"
            + "\"energy_joules\":null,\"energy_source\":null,\"energy_unavailable\":\"rapl: no RAPL counter\","
            + "\"joules_per_question\":null,\"tokens_per_joule\":null,\"joules_per_correct\":null}";

    @Test
    void resultsMustCarryWhatTheLedgerGives() throws IOException {
        assertThat(footprintFindings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("footprint");
            assertThat(f.message()).isEqualTo("models: run.jsonl has footprint lines for " + model
                    + ", which results.json does not list");
        });
        writeFootprint(DERIVED);
        assertThat(footprintFindings()).isEmpty();
        writeFootprint("null");
        assertThat(footprintFindings()).extracting(Finding::message)
                .contains("models[0].footprint: missing, but run.jsonl has footprint lines for " + model);
    }

    @Test
    void anEditedFigureIsFoundAndAZeroForUnmeasuredEnergyBreaksTheSchema() throws IOException {
        writeFootprint(DERIVED.replace("\"memory_peak_bytes\":150", "\"memory_peak_bytes\":99"));
        assertThat(footprintFindings()).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("models[0].footprint.memory_peak_bytes: results.json says 99, the ledger gives 150"));
        writeFootprint(DERIVED.replace("\"energy_unavailable\":\"rapl: no RAPL counter\"", "\"energy_unavailable\":null"));
        assertThat(footprintFindings()).extracting(Finding::kind).contains("schema", "footprint");
    }
}
