package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.Event;

/**
 * What flat reports see of each test. Surefire names a test by its display name (a test whose own source is a
 * class gets no name at all) and takes two tests of one class with one name for reruns of one test, so every
 * test of a two-model run must have its own display name, carrying model and item, and no class source.
 */
class ReportingNamesTest {

    private static final Set<String> MODELS = Set.of("mock", "mock:junk");

    private static List<TestDescriptor> tests(TestDescriptor root) {
        List<TestDescriptor> tests = new ArrayList<>();
        root.accept(d -> {
            if (d.isTest()) {
                tests.add(d);
            }
        });
        return tests;
    }

    @Test
    void everyDiscoveredTestOfTwoModelsIsNamedByModelSuiteAndItem() {
        TestDescriptor root = EngineKits.mock("bench.model", "mock,mock:junk", "bench.phases", "all")
                .selectors(selectClass(EngineKits.ENTRY_CLASS)).discover().getEngineDescriptor();
        List<TestDescriptor> tests = tests(root);
        // Questions of every phase kind (plain, lanes, whole suite) and generated tasks, for both models.
        assertThat(tests).hasSizeGreaterThan(100);
        assertThat(tests).anyMatch(t -> t instanceof TaskDescriptor).anyMatch(t -> t instanceof LaneQuestionDescriptor)
                .anyMatch(t -> t instanceof PartQuestionDescriptor);
        for (TestDescriptor test : tests) {
            String item = test.getUniqueId().getLastSegment().getValue();
            String legacy = test.getLegacyReportingName();
            String model = legacy.substring(0, legacy.indexOf('/'));
            assertThat(MODELS).as(legacy).contains(model);
            assertThat(legacy).as(test.getUniqueId().toString()).endsWith("/" + item);
            assertThat(test.getDisplayName()).as(test.getUniqueId().toString()).startsWith(legacy);
            assertThat(test.getSource()).as(legacy).isPresent().get()
                    .isNotInstanceOfAny(ClassSource.class, MethodSource.class);
        }
        assertThat(tests).extracting(TestDescriptor::getLegacyReportingName).doesNotHaveDuplicates();
        assertThat(tests).extracting(TestDescriptor::getDisplayName).doesNotHaveDuplicates();
        assertThat(tests).extracting(TestDescriptor::getDisplayName)
                .contains("mock/5q/Q03", "mock:junk/5q/Q03", "mock/tasks/code_fix-java-01", "mock:junk/tasks/code_fix-java-01");
    }

    @Test
    void aModelFromAnEntryClassReportsAsThatClass() {
        TestDescriptor model = EngineKits.mock().selectors(selectClass(EngineKits.ENTRY_CLASS)).discover()
                .getEngineDescriptor().getChildren().iterator().next();
        // Surefire's classname for every test below: a class name, not the model (a dot in qwen2.5 would split it).
        assertThat(model.getLegacyReportingName()).isEqualTo(EngineKits.ENTRY_CLASS);
        assertThat(model.getDisplayName()).isEqualTo("mock");
    }

    @Test
    void turnsRegisteredWhileTheConversationRunsAreNamedLikeQuestions() {
        List<String> names = EngineKits.mock("bench.model", "mock,mock:junk", "bench.numCtx", "2048")
                .selectors(selectFile("suites/edge_append.json")).execute()
                .testEvents().started().stream().map(Event::getTestDescriptor)
                .map(TestDescriptor::getDisplayName).toList();
        assertThat(names).isNotEmpty().doesNotHaveDuplicates()
                .allMatch(n -> n.matches("mock(:junk)?/edge_append/[A-Za-z0-9_-]+ \\[turn \\d+]"), "model/suite/ID [turn N]");
        assertThat(names).anyMatch(n -> n.startsWith("mock/")).anyMatch(n -> n.startsWith("mock:junk/"));
    }
}
