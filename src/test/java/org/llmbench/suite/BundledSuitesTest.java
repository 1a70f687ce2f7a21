package org.llmbench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.llmbench.scoring.Check;
import org.llmbench.scoring.QuestionScorer;
import org.llmbench.scoring.Score;
import org.llmbench.scoring.SyntaxChecker;

/** Every bundled suite loads, and every question's reference answer (what the mock sends) passes its own checks. */
class BundledSuitesTest {

    private static final Path SUITES = Path.of("suites");
    private static final List<String> PHASE_SUITES = List.of("hello", "frozen", "5q", "20q", "parallel_same",
            "parallel_mixed", "edge_append", "edge_suite");

    /**
     * The frozen prompts' fingerprints (prompt, markers and format rule). A change here is a new harness
     * version: results before and after are not comparable. Do not update these to make the test pass.
     */
    private static final Map<String, String> FROZEN = Map.of(
            "F01", "ee1920af58d71106317f620250a8b08b68d1f31322d3533d76b3f2c262ffa910",
            "F02", "5086f9bf7cea5b420575d0b57cd236c44a9497077db4825a055c43633d743c9c",
            "F03", "53e7f8ecc4e4b68b9441d483c3efc3dc964e98cec34cbc2e6340e65c77720a22");

    private final QuestionScorer scorer = new QuestionScorer(new SyntaxChecker(true));

    @Test
    void everyPhaseHasItsBundledSuite() {
        for (String id : PHASE_SUITES) {
            assertThat(SUITES.resolve(id + ".json")).exists();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyReferenceAnswerPassesItsOwnChecks() throws Exception {
        try (Stream<Path> files = Files.list(SUITES)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream()
                    .flatMap(f -> questions(f).stream().map(q -> DynamicTest.dynamicTest(f.getFileName() + "/" + q.id(), () -> {
                        assertThat(q.referenceAnswer()).as("reference answer").isNotBlank();
                        Score score = scorer.score(q, q.referenceAnswer(), 70);
                        assertThat(score.failedChecks()).as("failed checks").isEmpty();
                        assertThat(score.value()).isEqualTo(100.0);
                        assertThat(score.checks()).extracting(Check::name).anyMatch(n -> !n.equals("answered"));
                    })));
        }
    }

    @Test
    void twentyQuestionsOfRealisticPythonWithRulesAndMarkers() throws Exception {
        Suite suite = SuiteLoader.load(SuiteOrigin.ofFile(SUITES.resolve("20q.json")));
        assertThat(suite.questions()).hasSize(20).allSatisfy(q -> {
            assertThat(q.formatRule()).isIn(FormatRule.PYTHON_CODE, FormatRule.PYTEST_CODE);
            assertThat(q.requiredMarkers()).isNotEmpty();
        });
        assertThat(suite.questions()).flatExtracting(Question::tags)
                .contains("parsing", "files", "http", "data", "testing", "cli");
    }

    @Test
    void frozenPromptsAreVerbatimForever() throws Exception {
        Suite suite = SuiteLoader.load(SuiteOrigin.ofFile(SUITES.resolve("frozen.json")));
        Map<String, String> actual = new TreeMap<>();
        suite.questions().forEach(q -> actual.put(q.id(), fingerprint(q)));
        assertThat(actual).as("frozen prompts changed: that is a new harness version, not an edit").isEqualTo(new TreeMap<>(FROZEN));
        assertThat(suite.questions()).extracting(q -> q.extra().get("difficulty").asText()).containsExactly("easy", "medium", "hard");
    }

    @Test
    void parallelAndLongContextSuitesDeclareTheirRunMode() throws Exception {
        assertThat(mode("parallel_same")).isEqualTo(RunMode.PARALLEL_SAME);
        assertThat(mode("parallel_mixed")).isEqualTo(RunMode.PARALLEL_MIXED);
        assertThat(mode("edge_append")).isEqualTo(RunMode.APPEND);
        assertThat(mode("edge_suite")).isEqualTo(RunMode.WHOLE_SUITE);
        assertThat(mode("5q")).isEqualTo(RunMode.SEQUENTIAL);
        Suite mixed = SuiteLoader.load(SuiteOrigin.ofFile(SUITES.resolve("parallel_mixed.json")));
        LaneAssignment lanes = LaneAssignment.of(mixed);
        assertThat(lanes.lanes()).isEqualTo(2);
        assertThat(lanes.laneOf(mixed.question("M01").orElseThrow(), mixed.questions(), 2)).isEqualTo(1);
        assertThat(lanes.laneOf(mixed.question("M05").orElseThrow(), mixed.questions(), 2)).isEqualTo(2);
        // Another lane count than the suite's own falls back to round robin.
        assertThat(lanes.laneOf(mixed.question("M05").orElseThrow(), mixed.questions(), 3)).isEqualTo(2);
    }

    private static RunMode mode(String id) throws SuiteException {
        return RunMode.of(SuiteLoader.load(SuiteOrigin.ofFile(SUITES.resolve(id + ".json"))));
    }

    private static List<Question> questions(Path file) {
        try {
            return SuiteLoader.load(SuiteOrigin.ofFile(file)).questions();
        } catch (SuiteException e) {
            throw new AssertionError("bundled suite does not load: " + e.getMessage(), e);
        }
    }

    private static String fingerprint(Question q) {
        String text = q.prompt() + "\n" + String.join("\u0000", q.requiredMarkers()) + "\n" + q.formatRule().wireName();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
