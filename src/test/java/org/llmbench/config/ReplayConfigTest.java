package org.llmbench.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayConfigTest {

    @TempDir
    Path dir;

    private static ConfigLoader.Result load(Map<String, String> params) {
        return ConfigLoader.load(k -> Optional.ofNullable(params.get(k)));
    }

    private Path ledger() throws Exception {
        return Files.writeString(dir.resolve("run.jsonl"), org.llmbench.record.RecordCodec.encode(
                new org.llmbench.record.RunEvent.RunStart(org.llmbench.record.Stamp.now("r"), "0.1.0", false,
                        java.util.List.of("qwen3.5:0.8b", "llama3.2:1b"), java.util.List.of("5q"), 10, 0L, null, null)) + "\n");
    }

    @Test
    void aReplayPathMakesTheProviderReplayAndTheModelsThoseOfTheLedger() throws Exception {
        ConfigLoader.Result result = load(Map.of(BenchKeys.REPLAY.name(), ledger().toString()));
        assertThat(result.problems()).isEmpty();
        assertThat(result.config().provider().wireName()).isEqualTo("replay");
        assertThat(result.config().effective().get(BenchKeys.PROVIDER.name()).source().label()).isEqualTo("inferred");
        assertThat(result.config().models()).containsExactly("qwen3.5:0.8b", "llama3.2:1b");
        // Named models win over the ledger's.
        assertThat(load(Map.of(BenchKeys.REPLAY.name(), ledger().toString(), BenchKeys.MODEL.name(), "llama3.2:1b")).config().models())
                .containsExactly("llama3.2:1b");
        assertThat(load(Map.of(BenchKeys.REPLAY.name(), ledger().toString(), BenchKeys.PROVIDER.name(), "replay")).problems()).isEmpty();
    }

    @Test
    void replayWithoutALedgerOrWithAnotherProviderIsAnErrorNamingTheKey() throws Exception {
        assertThat(load(Map.of(BenchKeys.PROVIDER.name(), "replay")).problems()).singleElement().satisfies(p -> {
            assertThat(p.fatal()).isTrue();
            assertThat(p.key()).isEqualTo(BenchKeys.PROVIDER.name());
            assertThat(p.toString()).contains(BenchKeys.REPLAY.name());
        });
        assertThat(load(Map.of(BenchKeys.REPLAY.name(), ledger().toString(), BenchKeys.PROVIDER.name(), "ollama")).problems())
                .singleElement().satisfies(p -> assertThat(p.toString()).contains(BenchKeys.REPLAY.name()).contains("must be replay"));
        assertThat(load(Map.of(BenchKeys.REPLAY.name(), dir.resolve("missing.jsonl").toString())).problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo(BenchKeys.REPLAY.name());
                    assertThat(p.toString()).contains("missing.jsonl").contains("not a readable run.jsonl");
                });
    }
}
