package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue;

/** A mistyped bench.* key reaches the user as a warning naming the key it probably meant. */
class UnknownKeyTest {

    @Test
    void aMistypedParameterIsAWarningNamingTheNearestKey() {
        var results = EngineKits.mock("bench.phase", "hello").selectors(selectClass(EngineKits.ENTRY_CLASS)).discover();
        assertThat(results.getDiscoveryIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.WARNING);
            assertThat(issue.message()).contains("bench.phase").contains("did you mean bench.phases?");
        });
    }

    @Test
    void surefireDiscoversTwiceButTheWarningComesOnce() {
        // Surefire discovers each class to find tests, then again to run them: one warning, not one per discovery.
        String out = EngineKits.freshOut();
        var first = EngineKits.mock("bench.phase", "hello", "bench.out", out).selectors(selectClass(EngineKits.ENTRY_CLASS)).discover();
        var second = EngineKits.mock("bench.phase", "hello", "bench.out", out, "bench.runPointer", out + "/p.txt")
                .selectors(selectClass(EngineKits.ENTRY_CLASS)).discover();
        var otherRun = EngineKits.mock("bench.phase", "hello").selectors(selectClass(EngineKits.ENTRY_CLASS)).discover();

        assertThat(first.getDiscoveryIssues()).hasSize(1);
        assertThat(second.getDiscoveryIssues()).isEmpty();
        assertThat(otherRun.getDiscoveryIssues()).hasSize(1);
    }

    @Test
    void theOldParallelNameIsNotUnknownAndStillSwitchesConcurrentQuestionsOn() {
        for (String name : new String[] {"llm-bench.execution.parallel.enabled", "bench.execution.parallel.enabled"}) {
            var discovery = EngineKits.mock(name, "true", "bench.phases", "hello")
                    .selectors(selectClass(EngineKits.ENTRY_CLASS)).discover();
            assertThat(discovery.getDiscoveryIssues()).as(name).isEmpty();
            assertThat(((BenchEngineDescriptor) discovery.getEngineDescriptor()).concurrentQuestions()).as(name).isTrue();
        }
        var off = EngineKits.mock("bench.phases", "hello").selectors(selectClass(EngineKits.ENTRY_CLASS)).discover();
        assertThat(((BenchEngineDescriptor) off.getEngineDescriptor()).concurrentQuestions()).isFalse();
    }
}
