package org.llmbench.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.llmbench.testing.SharedModel;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.config.Provider;
import org.llmbench.model.GgufClient;
import org.llmbench.model.GgufFile;
import org.llmbench.record.Memory;
import org.llmbench.record.RunEvent.Footprint;
import org.llmbench.record.Stamp;

/**
 * The KV cache of the shared stories260K.gguf from its metadata, and the in-process provider's measured growth when it
 * loads it (skipped where the shared folder is not there: a clone elsewhere has none).
 */
class KvCacheTest {

    /** stories260K: 5 layers, 4 KV heads of 8 values each for keys and values, f16: 5 x 4 x (8 + 8) x 2 bytes per token. */
    static final long STORIES_PER_TOKEN = 5 * 4 * (8 + 8) * 2;

    @TempDir
    Path temp;

    @Test
    void theEstimateFollowsTheMetadata() throws Exception {
        Path model = SharedModel.find().orElse(null);
        Assumptions.assumeTrue(model != null, "no shared/models/stories260K.gguf here");
        KvCache.Estimate e = KvCache.of(GgufFile.read(model), 256);
        assertThat(e.bytes()).isEqualTo(STORIES_PER_TOKEN * 256);
        assertThat(e.how()).startsWith("256 tokens x 5 layers x 4 KV heads x (8 + 8) values x 2 bytes");
    }

    @Test
    void theInProcessProvidersGrowthHoldsTheEstimate() throws Exception {
        Path model = SharedModel.find().orElse(null);
        Assumptions.assumeTrue(model != null, "no shared/models/stories260K.gguf here");
        ThreadFactory threads = r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        };
        FootprintSettings settings = new FootprintSettings(Provider.GGUF, null, 4096, 100, temp, temp.toString(),
                FootprintSettings.ProcessTableSource.system());
        try (RunFootprint footprint = RunFootprint.start(settings, threads);
             GgufClient client = new GgufClient(4096, 1)) {
            client.prepare(List.of(model.toString()));
            footprint.modelStarted(model.toString());
            Footprint f = footprint.modelEnded(model.toString(), Stamp.now("r"));
            Memory memory = f.memory();
            long context = GgufClient.contextSize(GgufFile.read(model), 4096);
            assertThat(memory.kvCacheBytes()).isEqualTo(STORIES_PER_TOKEN * context);
            assertThat(memory.source()).isEqualTo("self_rss_growth");
            // What the load added to this JVM holds the weights (1.2 MB file) and the KV cache at least.
            assertThat(memory.atLoadBytes()).isGreaterThan(memory.kvCacheBytes());
            assertThat(memory.peakBytes()).isGreaterThanOrEqualTo(memory.atLoadBytes());
            System.out.printf("stories260K in process: n_ctx %d, KV cache estimate %d bytes, resident growth at load %d bytes%n",
                    context, memory.kvCacheBytes(), memory.atLoadBytes());
        }
    }
}
