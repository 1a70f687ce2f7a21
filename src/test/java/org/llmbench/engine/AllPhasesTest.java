package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.llmbench.model.MockModelClient;

/** {@code bench.phases=all} with the mock: every phase runs, every question passes, every phase reports figures. */
class AllPhasesTest {

    @Test
    void allPhasesPassWithTheMockAndPublishTheirFigures() {
        EngineExecutionResults results = EngineKits.engine(new LlmBenchTestEngine(c -> new MockModelClient(c.seed())))
                .configurationParameter("bench.model", "mock")
                .configurationParameter("bench.phases", "all")
                .selectors(selectClass("org.llmbench.BundledSuitesBenchmark"))
                .execute();
        results.testEvents().assertStatistics(s -> s.failed(0).aborted(0));
        long passed = results.testEvents().succeeded().count();
        // hello 1, frozen 3, 5q 5, 20q 20, parallel_same 8, parallel_mixed 6, edge_append 12 turns, edge_suite 5
        assertThat(passed).isGreaterThanOrEqualTo(60);
        assertThat(results.containerEvents().failed().count()).isZero();

        JsonNode same = PhaseEvents.of(results, "parallel_same");
        assertThat(same.path("lanes").asInt()).isEqualTo(4);
        assertThat(same.path("requests").asInt()).isEqualTo(8);
        assertThat(same.path("per_lane").size()).isEqualTo(4);
        assertThat(same.path("wall_ms").asLong()).isPositive();
        assertThat(same.path("max_in_flight").asInt()).isBetween(1, 4);
        assertThat(same.path("latency_ms").has("p50")).isTrue();
        assertThat(PhaseEvents.of(results, "parallel_mixed").path("requests").asInt()).isEqualTo(6);

        JsonNode append = PhaseEvents.of(results, "edge_append");
        assertThat(append.path("turns_run").asInt()).isEqualTo(12);
        assertThat(append.path("first_degraded_turn").isNull()).isTrue();
        assertThat(append.path("stopped_because").asText()).isEqualTo("questions ran out");

        JsonNode whole = PhaseEvents.of(results, "edge_suite");
        assertThat(whole.path("parts_missing").size()).isZero();
        assertThat(whole.path("parts_found").size()).isEqualTo(5);
        assertThat(whole.path("prompt_chars").asInt()).isPositive();
    }

    @Test
    void theDefaultPhasesLeaveTheParallelAndEdgePhasesOut() {
        EngineExecutionResults results = EngineKits.engine(new LlmBenchTestEngine(c -> new MockModelClient(c.seed())))
                .configurationParameter("bench.model", "mock")
                .selectors(selectClass("org.llmbench.BundledSuitesBenchmark"))
                .execute();
        results.testEvents().assertStatistics(s -> s.failed(0));
        // hello, 5q and 20q (and the generated tasks, where that phase exists): nothing parallel or edge.
        assertThat(results.testEvents().succeeded().count()).isGreaterThanOrEqualTo(26);
        assertThat(results.testEvents().stream().map(e -> e.getTestDescriptor().getUniqueId().toString()))
                .noneMatch(id -> id.contains("parallel_") || id.contains("edge_") || id.contains("[suite:frozen]"));
        assertThat(PhaseEvents.figures(results)).isEmpty();
    }
}
