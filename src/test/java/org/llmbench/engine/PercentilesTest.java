package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankByHand() {
        List<Long> hundred = LongStream.rangeClosed(1, 100).boxed().toList();
        assertThat(Percentiles.of(hundred)).containsEntry("p50", 50L).containsEntry("p90", 90L)
                .containsEntry("p95", 95L).containsEntry("p99", 99L).containsEntry("max", 100L);
        // Four values: p50 is the 2nd, p90/p95/p99 the 4th.
        assertThat(Percentiles.of(List.of(40L, 10L, 30L, 20L))).containsEntry("p50", 20L).containsEntry("p90", 40L);
        assertThat(Percentiles.of(List.of())).isEmpty();
    }
}
