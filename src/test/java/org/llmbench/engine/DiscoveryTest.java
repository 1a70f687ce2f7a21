package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.discovery.FilePosition;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.llmbench.suite.SuiteLoader;
import org.llmbench.suite.SuiteOrigin;

class DiscoveryTest {

    private static List<TestDescriptor> tests(EngineDiscoveryResults results) {
        List<TestDescriptor> tests = new ArrayList<>();
        results.getEngineDescriptor().accept(d -> {
            if (d.isTest()) {
                tests.add(d);
            }
        });
        return tests;
    }

    private static Set<String> ids(EngineDiscoveryResults results) {
        return tests(results).stream().map(d -> d.getUniqueId().toString()).collect(Collectors.toSet());
    }

    @Test
    void anEntryClassExpandsToModelSuiteQuestionWithReadableIds() {
        EngineDiscoveryResults results = EngineKits.mock().selectors(selectClass(EngineKits.ENTRY_CLASS)).discover();
        assertThat(results.getDiscoveryIssues()).isEmpty();
        assertThat(ids(results)).hasSize(6).contains(EngineKits.questionId("mock", "5q", "Q03"),
                EngineKits.questionId("mock", "hello", "H01"));
        TestDescriptor model = results.getEngineDescriptor().getChildren().iterator().next();
        assertThat(model.getUniqueId().toString()).isEqualTo("[engine:llm-bench]/[model:mock]");
        assertThat(model.getSource()).containsInstanceOf(ClassSource.class);
        assertThat(((ClassSource) model.getSource().get()).getClassName()).isEqualTo(EngineKits.ENTRY_CLASS);
        assertThat(model.getChildren()).extracting(TestDescriptor::getDisplayName).containsExactly("hello", "5q"); // the order of bench.phases=hello,5q
    }

    @Test
    void eachQuestionPointsAtTheLineWhereItsObjectStarts() throws Exception {
        EngineDiscoveryResults results = EngineKits.mock().selectors(selectClass(EngineKits.ENTRY_CLASS)).discover();
        var suite = SuiteLoader.load(SuiteOrigin.ofFile(Path.of("suites/5q.json")));
        TestDescriptor q3 = tests(results).stream().filter(d -> d.getDisplayName().equals("mock/5q/Q03")).findFirst().orElseThrow();
        FileSource source = (FileSource) q3.getSource().orElseThrow();
        assertThat(source.getFile().toPath()).isEqualTo(Path.of("suites/5q.json").toAbsolutePath());
        int line = source.getPosition().orElseThrow().getLine();
        assertThat(line).isEqualTo(suite.question("Q03").orElseThrow().line());
        assertThat(Files.readAllLines(Path.of("suites/5q.json")).get(line - 1).trim()).startsWith("{");
    }

    @Test
    void questionsAreTaggedWithSuiteAndFormatRule() {
        EngineDiscoveryResults results = EngineKits.mock().selectors(selectClass(EngineKits.ENTRY_CLASS)).discover();
        TestDescriptor q5 = tests(results).stream().filter(d -> d.getDisplayName().equals("mock/5q/Q05")).findFirst().orElseThrow();
        assertThat(q5.getTags()).contains(TestTag.create("5q"), TestTag.create("json_dict"));
    }

    @Test
    void tagFiltersReachQuestions() {
        var results = EngineKits.mock().selectors(selectClass(EngineKits.ENTRY_CLASS))
                .filters(TagFilter.includeTags("json_dict")).execute();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    }

    @Test
    void aDirectoryExpandsToTheSuitesOfTheSelectedPhases() {
        assertThat(ids(EngineKits.mock().selectors(selectDirectory("suites")).discover())).hasSize(6);
        assertThat(ids(EngineKits.mock("bench.phases", "hello").selectors(selectDirectory("suites")).discover()))
                .containsExactly(EngineKits.questionId("mock", "hello", "H01"));
    }

    @Test
    void aFileIsTheWholeSuiteAndAFileWithALineIsTheQuestionThere() throws Exception {
        assertThat(ids(EngineKits.mock().selectors(selectFile("suites/5q.json")).discover())).hasSize(5);
        int line = SuiteLoader.load(SuiteOrigin.ofFile(Path.of("suites/5q.json"))).question("Q04").orElseThrow().line();
        assertThat(ids(EngineKits.mock().selectors(selectFile("suites/5q.json", FilePosition.from(line + 2))).discover()))
                .containsExactly(EngineKits.questionId("mock", "5q", "Q04"));
    }

    @Test
    void aClasspathResourceResolvesWithAClasspathSource() {
        EngineDiscoveryResults results = EngineKits.mock().selectors(selectClasspathResource("suites/hello.json")).discover();
        assertThat(tests(results)).singleElement().satisfies(d ->
                assertThat(d.getSource()).get().isInstanceOf(ClasspathResourceSource.class));
    }

    @Test
    void everyDiscoveredUniqueIdSelectedAloneRunsExactlyThatTest() {
        Set<String> all = ids(EngineKits.mock("bench.model", "mock,mock:junk")
                .selectors(selectClass(EngineKits.ENTRY_CLASS)).discover());
        assertThat(all).hasSize(12);
        for (String id : all) {
            var results = EngineKits.mock().selectors(selectUniqueId(id)).execute();
            assertThat(results.testEvents().started().list()).singleElement()
                    .satisfies(e -> assertThat(e.getTestDescriptor().getUniqueId().toString()).isEqualTo(id));
        }
    }

    @Test
    void selectingAModelOrSuiteIdRunsItsBranch() {
        assertThat(ids(EngineKits.mock().selectors(selectUniqueId("[engine:llm-bench]/[model:mock]/[suite:5q]")).discover()))
                .hasSize(5);
        assertThat(ids(EngineKits.mock().selectors(selectUniqueId("[engine:llm-bench]/[model:other]")).discover()))
                .hasSize(6).allMatch(id -> id.contains("[model:other]"));
        assertThat(ids(EngineKits.mock().selectors(selectUniqueId("[engine:llm-bench]/[model:mock]/[suite:5q]/[question:Q99]"))
                .discover())).isEmpty();
    }

    @Test
    void theQuestionFilterKeepsOnlyTheNamedQuestions() {
        assertThat(ids(EngineKits.mock("bench.question", "5q/Q03, hello/H01").selectors(selectClass(EngineKits.ENTRY_CLASS))
                .discover())).containsExactlyInAnyOrder(EngineKits.questionId("mock", "5q", "Q03"),
                EngineKits.questionId("mock", "hello", "H01"));
    }

    @Test
    void severalModelsAreSeveralContainers() {
        EngineDiscoveryResults results = EngineKits.mock("bench.model", "mock,mock:junk")
                .selectors(selectClass(EngineKits.ENTRY_CLASS)).discover();
        assertThat(results.getEngineDescriptor().getChildren()).extracting(TestDescriptor::getDisplayName)
                .containsExactly("mock", "mock:junk");
    }

    @Test
    void aMalformedSuiteIsAnIssueAndAFailedTestWhileTheOthersRun(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("suites/hello.json"), dir.resolve("hello.json"));
        Files.writeString(dir.resolve("broken.json"), "{\"suite_name\": \"broken\",\n \"questions\": [\n"
                + "  {\"id\": \"B1\", \"prompt\": \"p\", \"format_rule\": \"sonnet\"}]}");
        var kit = EngineKits.mock("bench.phases", "all");
        EngineDiscoveryResults discovery = kit.selectors(selectDirectory(dir.toFile())).discover();
        assertThat(discovery.getDiscoveryIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.WARNING);
            assertThat(issue.message()).contains("broken.json:3:").contains("questions[0].format_rule");
            assertThat(issue.source()).get().isInstanceOf(FileSource.class);
        });
        var results = EngineKits.mock("bench.phases", "all").selectors(selectDirectory(dir.toFile())).execute();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(results.testEvents().failed().list()).singleElement().satisfies(e ->
                assertThat(e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow().getMessage()).contains("broken.json:3:").contains("sonnet"));
    }

    @Test
    void aBadConfigurationValueIsACriticalIssueNamingTheKey() {
        EngineDiscoveryResults results = EngineKits.mock("bench.numCtx", "lots").selectors(selectClass(EngineKits.ENTRY_CLASS))
                .discover();
        assertThat(results.getDiscoveryIssues()).anySatisfy(issue -> {
            assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.ERROR);
            assertThat(issue.message()).contains("bench.numCtx").contains("'lots' is not a whole number");
        });
        assertThat(tests(results)).isEmpty();
    }

    @Test
    void classesWithoutTheAnnotationAreNotOurs() {
        assertThat(tests(EngineKits.mock().selectors(selectClass(DiscoveryTest.class)).discover())).isEmpty();
    }
}
