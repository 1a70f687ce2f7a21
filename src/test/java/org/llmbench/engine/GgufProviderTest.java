package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.llmbench.model.ModelClients;

/** Provider gguf: bad files are discovery errors naming the file; a real model file, where the machine has one, runs. */
class GgufProviderTest {


    @TempDir
    Path dir;

    @Test
    void aMissingOrNonGgufFileIsADiscoveryErrorNamingIt() throws Exception {
        Path html = Files.writeString(dir.resolve("model.gguf"), "<html>");
        Path missing = dir.resolve("missing.gguf");
        List<DiscoveryIssue> errors = EngineKits.engine(new LlmBenchTestEngine(ModelClients::create))
                .configurationParameter("bench.model", html + "," + missing).configurationParameter("bench.phases", "hello")
                .selectors(selectClass(EngineKits.ENTRY_CLASS)).discover().getDiscoveryIssues().stream()
                .filter(i -> i.severity() == DiscoveryIssue.Severity.ERROR).toList();
        assertThat(errors).extracting(DiscoveryIssue::message)
                .anySatisfy(m -> assertThat(m).contains("model.gguf").contains("not a GGUF file"))
                .anySatisfy(m -> assertThat(m).contains("missing.gguf").contains("no such file"));
    }

    @Test
    void aRealModelFileRunsInProcessWithPerTokenTimings() throws Exception {
        // The project ships no model; the team's shared folder holds a small real one.
        java.util.Optional<Path> real = org.llmbench.testing.SharedModel.find();
        Assumptions.assumeTrue(real.isPresent(), org.llmbench.testing.SharedModel.absent());
        Path model = real.get();
        Path out = dir.resolve("out");
        EngineKits.engine(new LlmBenchTestEngine(ModelClients::create))
                .configurationParameter("bench.model", model.toAbsolutePath().toString())
                .configurationParameter("bench.phases", "hello").configurationParameter("bench.numPredict", "48")
                .configurationParameter("bench.out", out.toString())
                .selectors(selectClass(EngineKits.ENTRY_CLASS)).execute()
                .testEvents().assertStatistics(s -> s.started(1).finished(1));
        Path folder;
        try (var runs = Files.list(out)) {
            folder = runs.filter(p -> p.getFileName().toString().startsWith("run-")).findFirst().orElseThrow();
        }
        ObjectMapper mapper = new ObjectMapper();
        JsonNode call = null;
        for (String line : Files.readAllLines(folder.resolve("run.jsonl"))) {
            JsonNode e = mapper.readTree(line);
            if (e.path("event").asText().equals("call")) {
                call = e;
            }
        }
        assertThat(call.path("error_kind").isNull()).isTrue();
        assertThat(call.path("raw_output").asText()).isNotBlank();
        assertThat(call.path("ttft_ms").isNumber()).isTrue();
        assertThat(call.path("completion_tokens").asInt()).isBetween(1, 48);
        assertThat(call.path("tokens_estimated").asBoolean()).isFalse();
        assertThat(call.path("token_gaps_ms").path("tokens").asInt()).isEqualTo(call.path("completion_tokens").asInt() - 1);
        assertThat(call.path("server_timings").path("in_process").asBoolean()).isTrue();
        JsonNode details = mapper.readTree(folder.resolve("manifest.json").toFile()).path("model_details")
                .path(model.toAbsolutePath().toString());
        assertThat(details.path("sha256").asText()).isEqualTo("sha256:5a9d168bd9d9e29302e0d604e9a4c97184057ad87661cd7e7cc4318fdeba6d9c");
        assertThat(details.path("architecture").asText()).isEqualTo("llama");
        assertThat(details.path("load_ms").isNumber()).isTrue();
    }
}
