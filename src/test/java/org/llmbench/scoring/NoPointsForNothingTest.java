package org.llmbench.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.llmbench.suite.FormatRule;
import org.llmbench.suite.Question;
import org.llmbench.suite.Suite;
import org.llmbench.suite.SuiteLoader;
import org.llmbench.suite.SuiteOrigin;

/**
 * The hostile tester's answers that cost nothing to produce earn nothing on any bundled question: the prompt
 * echoed back, an unclosed or empty fence, prose where code is asked. Syntax checks are on, as in a real run.
 */
class NoPointsForNothingTest {

    private static final QuestionScorer SCORER = new QuestionScorer(new SyntaxChecker(true));

    /** Answers a model can send without reading the question beyond its prompt. */
    private static final Map<String, Function<Question, String>> ATTACKS = Map.of(
            "echo", Question::prompt,
            "echo twice, upper case", q -> q.prompt().toUpperCase(java.util.Locale.ROOT) + "\n\n" + q.prompt(),
            "echo in a fence", q -> "```python\n" + q.prompt() + "\n```",
            "unclosed fence of junk", q -> "```python\n)))( def ::: ((( \n",
            "empty fences", q -> "```python\n```\n```bash\n   \n```\n" + q.prompt(),
            "prose", q -> "I would rather describe it: open the file, read it, and print what it says.",
            "empty object", q -> "{}");

    @TestFactory
    Stream<DynamicTest> anEchoOrJunkScoresZeroOnEveryBundledQuestion() throws Exception {
        return bundled().flatMap(sq -> ATTACKS.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(a ->
                DynamicTest.dynamicTest(sq.getKey() + "/" + sq.getValue().id() + " / " + a.getKey(), () -> {
                    Question q = sq.getValue();
                    Score score = SCORER.score(q, a.getValue().apply(q), 70);
                    assertThat(score.value()).as(a.getKey() + " on " + q.id() + ": " + score.checks()).isZero();
                })));
    }

    @Test
    void anEchoOfHelloEarnsNoMarkerAndSaysWhy() {
        Question hello = question("Say hello in one short sentence.", null, List.of("hello"));
        Score score = SCORER.score(hello, "Say hello in one short sentence.", 70);
        assertThat(score.value()).isZero();
        assertThat(score.checks()).filteredOn(c -> c.name().equals("marker:hello")).singleElement()
                .satisfies(c -> assertThat(c.reason()).contains("copied from the prompt"));
        assertThat(SCORER.score(hello, "Hello there!", 70).value()).isEqualTo(100.0);
    }

    @Test
    void aMarkerInTheAnswersOwnTextCountsEvenWhenTheAnswerAlsoRestatesThePrompt() {
        Question q = question("Write a Python function `dedupe(items)` that removes duplicates from a list while keeping "
                + "the first occurrence of each item in order.", FormatRule.PYTHON_CODE, List.of("def dedupe", "seen"));
        String restated = "Here is a Python function `dedupe(items)` that removes duplicates from a list while keeping "
                + "the first occurrence of each item in order:\n```python\ndef dedupe(items):\n    seen = set()\n"
                + "    return [x for x in items if not (x in seen or seen.add(x))]\n```";
        assertThat(SCORER.score(q, restated, 70).failedChecks()).isEmpty();
        // The markers only in the copied sentence ("removes duplicates ...") would not count.
        Question copiedMarker = question(q.prompt(), null, List.of("first occurrence of each item"));
        assertThat(SCORER.score(copiedMarker, restated, 70).value()).isZero();
    }

    @Test
    void anUnclosedOrEmptyFenceIsNotACodeBlock() {
        assertThat(CodeBlocks.all("```python\ndef f(:\n")).isEmpty();
        assertThat(CodeBlocks.all("```python\n```\n```\n  \n```")).isEmpty();
        assertThat(CodeBlocks.all("```python\n```\ntext\n```bash\nls\n```")).extracting(CodeBlocks.Block::body)
                .containsExactly("ls\n");
        Check shape = new FormatRuleScorer(new SyntaxChecker(false))
                .check("```python\ndef f(:\n", FormatRule.PYTHON_CODE).get(0);
        assertThat(shape.passed()).isFalse();
        assertThat(shape.reason()).contains("unclosed");
    }

    @Test
    void theSyntaxCheckCountsOnlyAfterTheFormatCheckPassed() {
        FormatRuleScorer formats = new FormatRuleScorer(new SyntaxChecker(true));
        // Prose passes bash -n, and a test file without tests compiles: neither earns the syntax half any more.
        for (var attack : List.of(Map.entry(FormatRule.SHELL_LINES, "First list the files.\nThen read them all."),
                Map.entry(FormatRule.PYTEST_CODE, "```python\nx = 1\n```"))) {
            List<Check> checks = formats.check(attack.getValue(), attack.getKey());
            assertThat(checks).hasSize(2);
            assertThat(checks.get(0).passed()).isFalse();
            Check syntax = checks.get(1);
            if (syntax.status() != Check.Status.UNAVAILABLE) {
                assertThat(syntax.status()).isEqualTo(Check.Status.FAILED);
                assertThat(syntax.weight()).isEqualTo(1.0);
                assertThat(syntax.reason()).contains("not checked").contains("format");
            }
        }
    }

    private static Question question(String prompt, FormatRule rule, List<String> markers) {
        return new Question("Q", prompt, markers, rule, null, 1.0, null, List.of(), 1, 1, Map.of());
    }

    /** Every question of every bundled suite, with its suite's name. */
    static Stream<Map.Entry<String, Question>> bundled() throws Exception {
        List<Map.Entry<String, Question>> all = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("suites"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Suite suite = SuiteLoader.load(SuiteOrigin.ofFile(f));
                suite.questions().forEach(q -> all.add(Map.entry(suite.id(), q)));
            }
        }
        assertThat(all).hasSizeGreaterThan(50);
        return all.stream();
    }
}
