package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.testing.BenchLauncher;

/**
 * A mock run through the Launcher, so Allure's own listener records each question; its lifecycle writes to
 * a temporary directory, whose result files are then read back as JSON.
 */
class AllureResultsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private AllureLifecycle previous;

    @BeforeEach
    void redirectAllure() {
        previous = Allure.getLifecycle();
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(dir.resolve("allure-results"))));
    }

    @AfterEach
    void restoreAllure() {
        Allure.setLifecycle(previous);
    }

    private List<JsonNode> questionResults() throws Exception {
        List<JsonNode> results = new ArrayList<>();
        try (var files = Files.list(dir.resolve("allure-results"))) {
            for (Path f : files.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                JsonNode r = MAPPER.readTree(f.toFile());
                if (r.path("testCaseId").asText().matches(".*\\[(question|task):.*")) {
                    results.add(r);
                }
            }
        }
        return results;
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("name").asText()).toList();
    }

    private static String label(JsonNode result, String name) {
        return StreamSupport.stream(result.path("labels").spliterator(), false)
                .filter(l -> l.path("name").asText().equals(name)).map(l -> l.path("value").asText()).findFirst().orElse(null);
    }

    @Test
    void everyQuestionHasItsAttachmentsParametersLabelsAndSteps() throws Exception {
        BenchLauncher.run(Map.of("bench.model", "mock,mock:junk,mock:failing", "bench.phases", "hello,5q,tasks",
                "bench.maxTasks", "1", "bench.out", dir.resolve("runs").toString(), "bench.temperature", "0.3"));
        List<JsonNode> results = questionResults();
        assertThat(results).hasSizeGreaterThan(18);
        for (JsonNode r : results) {
            assertThat(names(r.path("attachments"))).contains("prompt", "raw output", "parsed output", "score breakdown")
                    .allMatch(n -> n.matches("(prompt|raw output|parsed output|score breakdown)( \\(retry \\d\\))?"));
            for (JsonNode a : r.path("attachments")) {
                assertThat(dir.resolve("allure-results").resolve(a.path("source").asText())).isRegularFile();
            }
            assertThat(names(r.path("parameters"))).contains("model", "provider", "temperature", "num_ctx", "seed");
            boolean task = r.path("testCaseId").asText().contains("[task:");
            boolean failingModel = "mock:failing".equals(label(r, "parentSuite"));
            if (!task) {
                assertThat(names(r.path("steps"))).containsExactly("call model", "parse", "score");
            } else {
                // a task parses inside its scoring; a junk answer is asked again, so there may be two rounds
                assertThat(names(r.path("steps"))).startsWith("call model").contains(failingModel ? "call model" : "score");
            }
            assertThat(names(r.path("steps").get(0).path("parameters"))).contains("latency_ms", "attempts");
            String model = label(r, "parentSuite");
            assertThat(model).isIn("mock", "mock:junk", "mock:failing");
            assertThat(label(r, "suite")).isIn("hello", "5q", "tasks");
            assertThat(label(r, "subSuite")).isNotBlank();
            assertThat(label(r, "epic")).isEqualTo(model);
            assertThat(label(r, "tag")).isNotNull();
            assertThat(r.path("status").asText()).isEqualTo(model.equals("mock") ? "passed" : "failed");
            assertThat(r.path("stop").asLong()).isGreaterThanOrEqualTo(r.path("start").asLong());
        }
        JsonNode q05 = results.stream().filter(r -> r.path("testCaseId").asText().endsWith("[question:Q05]")
                && "mock".equals(label(r, "parentSuite"))).findFirst().orElseThrow();
        assertThat(StreamSupport.stream(q05.path("parameters").spliterator(), false)
                .filter(p -> p.path("name").asText().equals("temperature")).findFirst().orElseThrow().path("value").asText())
                .isEqualTo("0.3");
        JsonNode breakdown = attachment(q05, "score breakdown");
        assertThat(breakdown.path("score").asDouble()).isEqualTo(100.0);
        assertThat(names(breakdown.path("checks"))).contains("format:json_dict");
        assertThat(attachment(q05, "parsed output").path("json").isObject()).isTrue();
        assertThat(Files.readString(source(q05, "prompt"))).startsWith("[user]\n");
        JsonNode failing = results.stream().filter(r -> "mock:failing".equals(label(r, "parentSuite"))).findFirst().orElseThrow();
        assertThat(failing.path("steps").get(0).path("status").asText()).isEqualTo("failed");
        assertThat(failing.path("statusDetails").path("message").asText()).isEqualTo("model call failed: connection");
        assertThat(failing.path("statusDetails").path("trace").asText()).contains("model call: connection");
    }

    @Test
    void theRunWritesItsEnvironmentAndTheFailureCategories() throws Exception {
        BenchLauncher.run(Map.of("bench.model", "mock", "bench.phases", "hello", "bench.out", dir.resolve("runs").toString()));
        Properties env = new Properties();
        try (var in = Files.newInputStream(dir.resolve("allure-results/environment.properties"))) {
            env.load(in);
        }
        assertThat(env.getProperty("models")).isEqualTo("mock");
        assertThat(env.getProperty("provider")).isEqualTo("mock");
        assertThat(env.getProperty("config_hash")).startsWith("sha256:");
        JsonNode categories = MAPPER.readTree(dir.resolve("allure-results/categories.json").toFile());
        assertThat(names(categories)).anyMatch(n -> n.startsWith("Parse error")).anyMatch(n -> n.startsWith("Timeout"))
                .anyMatch(n -> n.startsWith("Connection")).anyMatch(n -> n.startsWith("Protocol"))
                .anyMatch(n -> n.startsWith("Format")).anyMatch(n -> n.startsWith("Wrong answer"));
        // The categories file in the repository is the one the run copies.
        assertThat(MAPPER.readTree(Path.of("allure/categories.json").toFile())).isEqualTo(categories);
    }

    /** Allure's own rule (CategoriesPlugin.matches): the status is listed, and each regex matches the whole text. */
    private static boolean matches(JsonNode category, JsonNode result) {
        List<String> statuses = StreamSupport.stream(category.path("matchedStatuses").spliterator(), false)
                .map(JsonNode::asText).toList();
        String message = result.path("statusDetails").path("message").asText(null);
        String trace = result.path("statusDetails").path("trace").asText(null);
        return (statuses.isEmpty() || statuses.contains(result.path("status").asText()))
                && (!category.has("messageRegex") || message != null
                        && java.util.regex.Pattern.compile(category.path("messageRegex").asText(), java.util.regex.Pattern.DOTALL)
                        .matcher(message).matches())
                && (!category.has("traceRegex") || trace != null
                        && java.util.regex.Pattern.compile(category.path("traceRegex").asText(), java.util.regex.Pattern.DOTALL)
                        .matcher(trace).matches());
    }

    @Test
    void eachFailedTestIsInExactlyOneCategoryAndFailuresGroupByRuleNotByText() throws Exception {
        BenchLauncher.run(Map.of("bench.model", "mock,mock:junk,mock:failing", "bench.phases", "hello,5q,tasks",
                "bench.maxTasks", "3", "bench.retries", "0", "bench.out", dir.resolve("runs").toString()));
        JsonNode categories = MAPPER.readTree(Path.of("allure/categories.json").toFile());
        List<JsonNode> failed = questionResults().stream().filter(r -> !r.path("status").asText().equals("passed")).toList();
        assertThat(failed).hasSizeGreaterThan(10);
        java.util.Map<String, java.util.Set<String>> groups = new java.util.TreeMap<>();
        for (JsonNode r : failed) {
            List<String> in = StreamSupport.stream(categories.spliterator(), false).filter(c -> matches(c, r))
                    .map(c -> c.path("name").asText()).toList();
            assertThat(in).as(r.path("name").asText() + ": " + r.path("statusDetails").path("message").asText()).hasSize(1);
            groups.computeIfAbsent(in.get(0), k -> new java.util.TreeSet<>()).add(r.path("statusDetails").path("message").asText());
        }
        // Allure groups a category's tests by message: one group per rule, however the answers differ.
        assertThat(groups.get("Connection (refused, reset, closed)")).containsExactly("model call failed: connection");
        assertThat(groups.get("Wrong answer (below the pass mark)")).containsExactly("below the pass mark");
        assertThat(groups.get("Format (answer shape does not follow the format rule)"))
                .allMatch(m -> m.startsWith("format rule not met: ")).hasSizeLessThanOrEqualTo(7)
                .contains("format rule not met: python_code", "format rule not met: json_dict");
        // The particulars are in the trace: the score and each failed check with its reason.
        assertThat(failed).filteredOn(r -> "mock:junk".equals(label(r, "parentSuite")))
                .allSatisfy(r -> assertThat(r.path("statusDetails").path("trace").asText()).contains("below pass mark", "  - "));
    }

    @Test
    void theEnvironmentListsEveryModelOfTheRun() throws Exception {
        BenchLauncher.run(Map.of("bench.model", "mock,mock:junk", "bench.phases", "hello", "bench.out", dir.resolve("runs").toString()));
        Properties env = new Properties();
        try (var in = Files.newInputStream(dir.resolve("allure-results/environment.properties"))) {
            env.load(in);
        }
        assertThat(env.getProperty("models")).isEqualTo("mock,mock:junk");
    }

    private Path source(JsonNode result, String name) {
        JsonNode a = StreamSupport.stream(result.path("attachments").spliterator(), false)
                .filter(x -> x.path("name").asText().equals(name)).findFirst().orElseThrow();
        return dir.resolve("allure-results").resolve(a.path("source").asText());
    }

    private JsonNode attachment(JsonNode result, String name) throws Exception {
        return MAPPER.readTree(source(result, name).toFile());
    }
}
