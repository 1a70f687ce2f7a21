package org.llmbench.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmbench.record.RunEvent.Footprint;

/** A footprint line: written in its order, figures nobody measured left out (never 0), read back equal; bad lines named. */
class FootprintCodecTest {

    static final String LINE = "{\"schema_version\":1,\"event\":\"footprint\",\"ts\":\"2026-12-07T01:00:00Z\",\"run_id\":\"r1\","
            + "\"model\":\"m\",\"window_ms\":5000,\"samples\":5,\"period_ms\":1000,"
            + "\"memory\":{\"at_load_bytes\":100,\"peak_bytes\":150,\"source\":\"process_rss\",\"kv_cache_bytes\":8,"
            + "\"readings\":[{\"source\":\"process_rss\",\"what\":\"llama-server (pid 7, port 8080)\",\"at_load_bytes\":100,"
            + "\"peak_bytes\":150},{\"source\":\"kv_cache_estimate\",\"what\":\"2 x 5 layers\",\"at_load_bytes\":8,\"peak_bytes\":8}],"
            + "\"unavailable\":[{\"source\":\"nvidia_smi\",\"reason\":\"no nvidia-smi on the PATH\"}]},"
            + "\"energy\":{\"readings\":[],\"unavailable\":[{\"source\":\"rapl\",\"reason\":\"no RAPL counter\"}]}}";

    @Test
    void aLineReadsTypedAndWritesBackTheSame() throws Exception {
        Footprint f = (Footprint) RecordCodec.decode(LINE);
        assertThat(f.model()).isEqualTo("m");
        assertThat(f.memory().peakBytes()).isEqualTo(150L);
        assertThat(f.memory().vramPeakBytes()).isNull();
        assertThat(f.memory().readings()).hasSize(2);
        assertThat(f.energy().joules()).isNull();
        assertThat(f.energy().unavailable()).extracting(Unavailable::reason).containsExactly("no RAPL counter");
        assertThat(RecordCodec.encode(f)).isEqualTo(LINE);
    }

    @Test
    void measuredEnergyIsWrittenWithItsReadings() throws Exception {
        Footprint f = new Footprint(Stamp.now("r"), "m", 10, 1, 1000,
                new Memory(null, null, null, null, null, null, null, List.of(),
                        List.of(new Unavailable("process_rss", "remote server"))),
                new Energy(12.5, "rapl", List.of(new EnergyReading("rapl", "package-0", 12.5)), List.of()));
        String line = RecordCodec.encode(f);
        assertThat(line).contains("\"energy\":{\"joules\":12.5,\"source\":\"rapl\",\"readings\":[{\"source\":\"rapl\","
                + "\"what\":\"package-0\",\"joules\":12.5}],\"unavailable\":[]}").doesNotContain("at_load_bytes");
        Footprint back = (Footprint) RecordCodec.decode(line);
        assertThat(back.withStamp(f.stamp())).isEqualTo(f.withStamp(f.stamp()));
        assertThat(back.stamp().ts()).isAfter(Instant.EPOCH);
    }

    @Test
    void aMistypedFigureIsNamed() {
        assertThatThrownBy(() -> RecordCodec.decode(LINE.replace("\"peak_bytes\":150,\"source\"", "\"peak_bytes\":\"x\",\"source\"")))
                .isInstanceOf(RecordCodec.BadLine.class).hasMessageContaining("memory.peak_bytes");
    }
}
