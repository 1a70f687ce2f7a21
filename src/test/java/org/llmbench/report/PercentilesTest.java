package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmbench.json.Json;
import org.llmbench.record.RunEvent;
import org.llmbench.record.TestRef;

/**
 * The one percentile of llm-bench against values computed by hand: linear interpolation, h = (n-1)p/100, never the
 * nearest rank (which would give 50, 90, 95 and 99 for the first test below).
 */
class PercentilesTest {

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
    void oneToAHundredInterpolatesWhereTheNearestRankWouldNot() {
        // h = 99p/100: p50 49.5 -> 50.5; p90 89.1 -> 90.1; p95 94.05 -> 95.05; p99 98.01 -> 99.01
        Percentiles p = Percentiles.of(java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList());
        assertThat(p.at(50)).isCloseTo(50.5, within(1e-9));
        assertThat(p.at(90)).isCloseTo(90.1, within(1e-9));
        assertThat(p.at(95)).isCloseTo(95.05, within(1e-9));
        assertThat(p.at(99)).isCloseTo(99.01, within(1e-9));
    }

    @Test
    void aPhasesLatenciesAreTheSamePercentilesToTwoDecimals() throws Exception {
        // 10 20 30 40 (given unsorted): p50 h=1.5 -> 25; p90 h=2.7 -> 37; p95 h=2.85 -> 38.5; p99 h=2.97 -> 39.7
        assertThat(Percentiles.of(java.util.List.of(40L, 10L, 30L, 20L)).latencies())
                .isEqualTo(new Percentiles.Latencies(25.0, 37.0, 38.5, 39.7, 40.0));
        // 1 2 4: p50 2; p90 h=1.8 -> 2 + 0.8*2 = 3.6; p99 h=1.98 -> 3.96; p95 h=1.9 -> 3.8
        assertThat(Percentiles.of(java.util.List.of(1, 2, 4)).latencies())
                .isEqualTo(new Percentiles.Latencies(2.0, 3.6, 3.8, 3.96, 4.0));
        // 1 2: p33.33 h=0.3333 -> 1.3333: two decimals
        assertThat(Percentiles.of(1, 2).rounded(100 / 3.0)).isEqualTo(1.33);
        assertThat(Json.MAPPER.writeValueAsString(Percentiles.of(java.util.List.<Long>of()).latencies())).isEqualTo("{}");
        assertThat(Json.MAPPER.writeValueAsString(Percentiles.of(7).latencies()))
                .isEqualTo("{\"p50\":7.0,\"p90\":7.0,\"p95\":7.0,\"p99\":7.0,\"max\":7.0}");
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
        TestRef ref = SyntheticLedger.ref("m", "s", "Q1");
        // (1000 - 200) / (9 - 1) = 100 ms
        assertThat(PhaseFigures.tpotMs(SyntheticLedger.call(ref, 1000, 200L, 9, null))).contains(100.0);
        // Ollama: eval_duration 2e9 ns over 50 tokens = 40 ms
        RunEvent.Call c = SyntheticLedger.call(ref, 3000, null, 50, null);
        RunEvent.Call ollama = new RunEvent.Call(c.stamp(), ref, null, c.messages(), c.rawOutput(), null, null, null, null,
                3000, null, null, 50, false, null, null, null, false, null, null, 1, List.of(),
                Json.MAPPER.readTree("{\"eval_count\":50,\"eval_duration\":2000000000}"), List.of(), 1, 1, null);
        assertThat(PhaseFigures.tpotMs(ollama)).contains(40.0);
        assertThat(PhaseFigures.tpotMs(SyntheticLedger.call(ref, 1000, null, 9, null))).isEmpty();
    }
}
