package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.ConfigLoader;

class ReproduceCommandTest {

    private static BenchConfig load(Map<String, String> params) {
        return ConfigLoader.load(k -> Optional.ofNullable(params.get(k))).config();
    }

    @Test
    void theLineHasEveryGivenSettingByItsDeclaredFlagAndNothingDefaulted(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("c.json"), "{\"model\":{\"num_ctx\":8192}}");
        Map<String, String> params = new HashMap<>();
        params.put("bench.config", file.toString());
        params.put("bench.model", "auto");
        params.put("bench.timeoutS", "30");
        params.put("bench.systemPrompt", "Be brief, don't chat.");
        params.put("bench.runId", "1234");
        params.put("llm-bench.execution.parallel.enabled", "true");
        BenchConfig config = load(params).withModels(List.of("qwen3.5:0.8b", "llama3.2:1b"));

        // The config file is named as a shared file may name it: relative to the working directory, never absolute.
        String shared = org.llmbench.config.SharedPaths.of(file.toString());
        assertThat(shared).doesNotStartWith("/").endsWith("/c.json");
        assertThat(ReproduceCommand.jar(config)).isEqualTo("java -jar target/llm-bench.jar run"
                + " --config " + shared
                + " -D bench.execution.parallel.enabled=true"
                + " --model qwen3.5:0.8b,llama3.2:1b"
                + " --num-ctx 8192"
                + " --system-prompt 'Be brief, don'\\''t chat.'"
                + " --timeout-s 30");
        assertThat(ReproduceCommand.maven(config)).isEqualTo("mvn test -Dbench.config=" + shared
                + " -Dbench.execution.parallel.enabled=true -Dbench.model=qwen3.5:0.8b,llama3.2:1b -Dbench.numCtx=8192"
                + " '-Dbench.systemPrompt=Be brief, don'\\''t chat.' -Dbench.timeoutS=30");
    }

    @Test
    void aDefaultRunNamesOnlyItsModels() {
        assertThat(ReproduceCommand.jar(load(Map.of()))).isEqualTo("java -jar target/llm-bench.jar run --model mock");
        assertThat(ReproduceCommand.flag("bench.timeoutS")).isEqualTo("--timeout-s");
        assertThat(ReproduceCommand.flag("bench.someKey")).isEqualTo("--some-key");
    }
}
