package org.llmbench.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmbench.scoring.CodeJudge;
import org.llmbench.scoring.QuestionScorer;
import org.llmbench.scoring.SyntaxChecker;
import org.llmbench.suite.Objective;
import org.llmbench.suite.Question;
import org.llmbench.suite.Suite;
import org.llmbench.suite.SuiteLoader;
import org.llmbench.suite.SuiteOrigin;

/**
 * Every canonical solution of HumanEval passes the call-by-call judge (164 of 164), and scores 100 through the whole
 * question scorer. The project ships no third-party data and tests download nothing, so this runs only when the
 * published file is given: {@code -Dllmbench.humaneval=/path/HumanEval.jsonl.gz} (or the environment variable
 * {@code LLMBENCH_HUMANEVAL}), e.g. {@code data/HumanEval.jsonl.gz} of github.com/openai/human-eval; else it is
 * skipped, saying so.
 */
class HumanEvalCanonicalTest {

    static Path humanEval() {
        String given = System.getProperty("llmbench.humaneval", System.getenv("LLMBENCH_HUMANEVAL"));
        return given == null || given.isBlank() ? null : Path.of(given);
    }

    @Test
    void everyCanonicalSolutionPasses() throws Exception {
        Path file = humanEval();
        assumeTrue(file != null && Files.isRegularFile(file), "no HumanEval file given: set -Dllmbench.humaneval=<path to "
                + "HumanEval.jsonl.gz> (github.com/openai/human-eval, data/) to run every canonical solution");
        assumeTrue(Toolchain.hasPython(), "python3 is not on the PATH");
        Suite suite = SuiteLoader.load(SuiteOrigin.ofFile(file));
        SuiteCodeJudge judge = SuiteCodeJudge.withDefaults();
        QuestionScorer scorer = new QuestionScorer(new SyntaxChecker(false), judge);
        List<String> judgeFailures = new ArrayList<>();
        List<String> scorerFailures = new ArrayList<>();
        for (Question q : suite.questions()) {
            var tests = Objective.of(q).tests();
            CodeJudge.TestRun run = judge.run(tests, tests.prefix() + q.referenceAnswer());
            if (run.passed() != run.failures().size() || run.failures().isEmpty()) {
                judgeFailures.add(q.id() + ": " + run.failures() + " " + run.diagnostic());
            }
            double score = scorer.score(q, q.referenceAnswer(), 100).value();
            if (score != 100) {
                scorerFailures.add(q.id() + ": " + score);
            }
        }
        int n = suite.questions().size();
        System.out.println("HUMANEVAL judge " + (n - judgeFailures.size()) + "/" + n + " " + judgeFailures);
        System.out.println("HUMANEVAL scorer " + (n - scorerFailures.size()) + "/" + n + " " + scorerFailures);
        assertThat(n).isEqualTo(164);
        assertThat(judgeFailures).as("canonical solutions the judge fails").isEmpty();
        assertThat(scorerFailures).as("canonical solutions the question scorer does not give 100").isEmpty();
    }
}
