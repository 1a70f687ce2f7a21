package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.llmbench.model.MockModelClient;
import org.llmbench.tasks.Sandbox;
import org.llmbench.tasks.Toolchain;

/**
 * A suite question with tests on a machine without operating-system isolation: skipped with the reason unless
 * {@code bench.sandbox=unisolated}, and then its score line says {@code unisolated}.
 */
class SandboxSettingEngineTest {

    @TempDir
    Path dir;

    @Test
    void aQuestionWithTestsIsSkippedWithoutIsolationAndMarkedWhenOptedIn() throws Exception {
        assumeTrue(Toolchain.hasPython(), "python3 is not on the PATH");
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = mapper.createObjectNode().put("suite_name", "coded").put("version", "1");
        var q = root.putArray("questions").addObject().put("id", "Q1").put("prompt", "Write twice(x).")
                .put("reference_answer", "```python\ndef twice(x):\n    return 2 * x\n```").put("entry_point", "twice");
        q.putArray("tests").add("assert twice(2) == 4").add("assert twice(-1) == -2");
        Path suite = dir.resolve("coded.json");
        Files.writeString(suite, mapper.writeValueAsString(root));
        String before = System.getProperty(Sandbox.NAMESPACES_PROPERTY);
        System.setProperty(Sandbox.NAMESPACES_PROPERTY, "false");
        try {
            EngineExecutionResults refused = EngineKits.engine(new LlmBenchTestEngine(config -> new MockModelClient(42)))
                    .configurationParameter("bench.model", "mock").configurationParameter("bench.out", dir.resolve("a").toString())
                    .selectors(selectFile(suite.toFile())).execute();
            refused.testEvents().assertStatistics(s -> s.skipped(1).started(0));
            assertThat(refused.testEvents().skipped().list().get(0).getPayload(String.class)).get().asString()
                    .contains("no operating-system isolation here");
            EngineExecutionResults optedIn = EngineKits.engine(new LlmBenchTestEngine(config -> new MockModelClient(42)))
                    .configurationParameter("bench.model", "mock").configurationParameter("bench.out", dir.resolve("b").toString())
                    .configurationParameter("bench.sandbox", "unisolated").selectors(selectFile(suite.toFile())).execute();
            optedIn.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
            try (var folders = Files.list(dir.resolve("b"))) {
                Path folder = folders.filter(f -> Files.exists(f.resolve("run.jsonl"))).findFirst().orElseThrow();
                assertThat(Files.readAllLines(folder.resolve("run.jsonl"))).filteredOn(l -> l.contains("sandbox_layers"))
                        .singleElement().asString().contains("\"unisolated\"", "\"Q1\"");
            }
        } finally {
            if (before == null) {
                System.clearProperty(Sandbox.NAMESPACES_PROPERTY);
            } else {
                System.setProperty(Sandbox.NAMESPACES_PROPERTY, before);
            }
        }
    }
}
