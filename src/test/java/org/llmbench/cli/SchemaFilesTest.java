package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.record.HardwareWriter;

/** The files a mock run writes match their schemas, and the schemas reject what is wrong. */
class SchemaFilesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path out;

    static Path run;

    @BeforeAll
    static void mockRun() throws IOException {
        Cli cli = Cli.run("run", "--model", "mock,mock:junk", "--phases", "hello,5q", "--out", out.toString());
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        run = CommandsTest.onlyRun(out);
    }

    @Test
    void manifestHardwareAndResultsMatchTheirSchemas() throws IOException {
        assertThat(SchemaCheck.validate("manifest", read("manifest.json"))).isEmpty();
        assertThat(SchemaCheck.validate("hardware", read("hardware.json"))).isEmpty();
        assertThat(SchemaCheck.validate("results", read("results.json"))).isEmpty();
    }

    @Test
    void everyLedgerLineMatchesTheLedgerLineSchema() throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("run.jsonl"));
        assertThat(lines).hasSizeGreaterThan(10);
        for (String line : lines) {
            assertThat(SchemaCheck.validate("ledger-line", MAPPER.readTree(line))).as(line).isEmpty();
        }
    }

    @Test
    void theHardwareProbeMatchesItsSchemaAndNamesNoHost() throws IOException {
        JsonNode probed = MAPPER.valueToTree(HardwareWriter.probe());

        assertThat(SchemaCheck.validate("hardware", probed)).isEmpty();
        assertThat(probed.path("cpu").path("logical_cores").asInt()).isPositive();
        assertThat(probed.toString()).doesNotContain("\"hostname\"").doesNotContain("serial");
    }

    @Test
    void schemasRejectWrongValuesAtTheirPointer() throws IOException {
        ObjectNode results = (ObjectNode) read("results.json");
        ((ObjectNode) results.path("tasks").get(0)).put("score", 140);
        results.put("config_hash", "md5:abc");
        ObjectNode manifest = (ObjectNode) read("manifest.json");
        manifest.remove("run_id");
        manifest.put("started_at", "yesterday");

        assertThat(SchemaCheck.validate("results", results)).extracting(SchemaCheck.Violation::pointer)
                .containsExactlyInAnyOrder("/config_hash", "/tasks/0/score");
        assertThat(SchemaCheck.validate("manifest", manifest)).extracting(SchemaCheck.Violation::pointer)
                .containsExactlyInAnyOrder("", "/started_at");
        assertThat(SchemaCheck.validate("ledger-line", MAPPER.readTree(
                "{\"schema_version\":1,\"event\":\"score\",\"ts\":\"2025-01-01T00:00:00Z\",\"run_id\":\"r\",\"test_id\":\"t\"}")))
                .isNotEmpty();
    }

    /** The in-process provider has no URL: its manifest names it, and check-submission must accept that and only that. */
    @Test
    void theTargetIsAServerUrlOrTheInProcessProvider() throws IOException {
        ObjectNode manifest = (ObjectNode) read("manifest.json");
        manifest.put("target_url", "in process (java-llama.cpp)");
        assertThat(SchemaCheck.validate("manifest", manifest)).isEmpty();
        manifest.put("target_url", "file:///home/me/model.gguf");
        assertThat(SchemaCheck.validate("manifest", manifest)).extracting(SchemaCheck.Violation::pointer)
                .isNotEmpty().containsOnly("/target_url");
    }

    @Test
    void metadataSchemaIsPermissiveAboutLayoutButStrictAboutFigures() throws IOException {
        JsonNode good = MAPPER.readTree("""
                {"schema_version": 1, "run_id": "r", "models": {"mock": {"5q": {"score": 80.0, "passed": 4,
                 "latency_ms": {"p50": 12, "p90": 30, "p95": 31, "p99": 40}, "errors_by_kind": {"timeout": 1}}}}}
                """);
        JsonNode bad = MAPPER.readTree("""
                {"models": {"mock": {"5q": {"score": 180.0, "latency_ms": {"p50": "fast"}}}}}
                """);

        assertThat(SchemaCheck.validate("metadata", good)).isEmpty();
        assertThat(SchemaCheck.validate("metadata", bad)).extracting(SchemaCheck.Violation::pointer)
                .contains("/models/mock/5q/score", "/models/mock/5q/latency_ms/p50");
    }

    private static JsonNode read(String name) throws IOException {
        return MAPPER.readTree(run.resolve(name).toFile());
    }
}
