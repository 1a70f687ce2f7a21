package org.llmbench.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.suite.PromptStyle;
import org.llmbench.suite.PublicFormats;
import org.llmbench.suite.Question;
import org.llmbench.suite.SuiteOrigin;

/** Hostile answers under every method: huge, deeply nested, binary; each ends quickly with no points and no crash. */
class HostileMethodsTest {

    private static final QuestionScorer SCORER = new QuestionScorer(new SyntaxChecker(false));

    @TempDir
    Path dir;

    @Test
    void hugeAnswersEndQuicklyWithNoPoints() throws Exception {
        Path gsm = dir.resolve("test.jsonl");
        Files.writeString(gsm, "{\"question\": \"q?\", \"answer\": \"#### 72\"}\n");
        Path mmlu = dir.resolve("x_test.csv");
        Files.writeString(mmlu, "Q?,a,b,c,d,B\n");
        PromptStyle zero = new PromptStyle(PromptStyle.Kind.REFERENCE, 0, List.of());
        Question g = PublicFormats.read(SuiteOrigin.ofFile(gsm), zero).questions().get(0);
        Question m = PublicFormats.read(SuiteOrigin.ofFile(mmlu), zero).questions().get(0);
        String digits = "1,2.3$".repeat(400_000);
        String hashes = "#### ".repeat(300_000);
        String line = "B".repeat(2_000_000) + " ";
        long start = System.nanoTime();
        for (String answer : List.of(digits, hashes, line, "\u0000\uFFFF\uD800".repeat(100_000))) {
            assertThat(SCORER.score(g, answer, 100).methods().verdicts()).allSatisfy(v -> assertThat(v.score()).isZero());
            assertThat(SCORER.score(m, answer, 100).methods().verdicts()).allSatisfy(v -> assertThat(v.score()).isZero());
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void sanitizeSurvivesWhatCrashesParsersAndGivesNothingToRun() throws Exception {
        assumeTrue(org.llmbench.tasks.TaskFixturesAccess.hasPython(), "python3 needed");
        for (String code : List.of("(".repeat(200_000), "def f(x):\n" + "    if x:\n".repeat(5_000) + "        return 1\n",
                "x = 1\u0000\ndef f():\n    return 2\n", "\uD800\uDFFF\ufeff\n" + "a b c\n".repeat(3_000))) {
            PythonCompiler.Sanitized s = PythonCompiler.SHARED.sanitize(code, "f", Duration.ofSeconds(10));
            assertThat(s.code() == null ? s.problem() : s.code()).isNotNull();
        }
        // the helper still answers afterwards
        assertThat(PythonCompiler.SHARED.sanitize("```python\ndef f(x):\n    return x\n```", "f", Duration.ofSeconds(10)).code())
                .isEqualTo("def f(x):\n    return x");
    }
}
