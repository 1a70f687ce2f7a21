package org.llmbench.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Percentiles and ranks against values computed by hand (linear interpolation, h = (n-1)p/100). */
class PercentilesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void fiveValuesGivenUnsorted() {
        // sorted: 15 20 35 40 50; p90: h = 3.6 -> 40 + 0.6*10 = 46; p95: h = 3.8 -> 48; p99: h = 3.96 -> 49.6
        Percentiles p = Percentiles.of(50, 15, 40, 20, 35);
        assertThat(p.count()).isEqualTo(5);
        assertThat(p.at(0)).isEqualTo(15);
        assertThat(p.at(50)).isEqualTo(35);
        assertThat(p.at(90)).isCloseTo(46, within(1e-9));
        assertThat(p.at(95)).isCloseTo(48, within(1e-9));
        assertThat(p.at(99)).isCloseTo(49.6, within(1e-9));
        assertThat(p.at(100)).isEqualTo(50);
    }

    @Test
    void evenCountsInterpolateBetweenTheMiddleValues() {
        // 1..10: p50: h = 4.5 -> 5.5; p90: h = 8.1 -> 9.1; p25: h = 2.25 -> 3.25
        Percentiles p = Percentiles.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(p.at(50)).isCloseTo(5.5, within(1e-9));
        assertThat(p.at(90)).isCloseTo(9.1, within(1e-9));
        assertThat(p.at(25)).isCloseTo(3.25, within(1e-9));
    }

    @Test
    void oneValueNoValueAndBadInput() {
        assertThat(Percentiles.of(7).at(99)).isEqualTo(7);
        assertThat(Percentiles.of().at(50)).isNaN();
        assertThat(Percentiles.of(Double.NaN, 4).at(50)).isEqualTo(4);
        assertThatThrownBy(() -> Percentiles.of(1).at(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentileRankCountsHalfOfTheTies() {
        // below 35: 15, 20 (2); equal: 35 (1) -> (2 + 0.5) / 5 = 50
        assertThat(Percentiles.rank(35, 15, 20, 35, 40, 50)).isEqualTo(50);
        assertThat(Percentiles.rank(10, 20, 30)).isEqualTo(0);
        assertThat(Percentiles.rank(100, 20, 30)).isEqualTo(100);
        assertThat(Percentiles.rank(30, 20, 30, 30, 90)).isEqualTo(50); // (1 + 0.5*2) / 4
        assertThat(Percentiles.rank(1)).isNaN();
    }

    @Test
    void timePerOutputTokenFromAStreamedCallOrTheServersTimings() throws Exception {
        // (1000 - 200) / (9 - 1) = 100 ms
        assertThat(PhaseFigures.tpotMs(MAPPER.readTree("{\"latency_ms\":1000,\"ttft_ms\":200,\"completion_tokens\":9}")))
                .contains(100.0);
        // Ollama: eval_duration 2e9 ns over 50 tokens = 40 ms
        assertThat(PhaseFigures.tpotMs(MAPPER.readTree(
                "{\"latency_ms\":3000,\"completion_tokens\":50,\"server_timings\":{\"eval_count\":50,\"eval_duration\":2000000000}}")))
                .contains(40.0);
        assertThat(PhaseFigures.tpotMs(MAPPER.readTree("{\"latency_ms\":1000,\"completion_tokens\":9}"))).isEmpty();
    }
}
