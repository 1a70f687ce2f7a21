package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;

/** Suites run in the order the phases name them, so the summary's phases read in the order the user asked for. */
class PhaseOrderTest {

    private static List<String> suitesOf(String phases) {
        TestDescriptor root = EngineKits.mock("bench.phases", phases).selectors(selectClass(EngineKits.ENTRY_CLASS))
                .discover().getEngineDescriptor();
        TestDescriptor model = root.getChildren().iterator().next();
        return model.getChildren().stream().map(d -> d.getUniqueId().getLastSegment().getValue()).toList();
    }

    @Test
    void suitesFollowThePhaseListNotTheFileNames() {
        assertThat(suitesOf("hello,5q")).containsExactly("hello", "5q");
        assertThat(suitesOf("5q,hello")).containsExactly("5q", "hello");
        assertThat(suitesOf("hello,20q,5q,tasks")).containsExactly("hello", "20q", "5q", "tasks");
    }
}
