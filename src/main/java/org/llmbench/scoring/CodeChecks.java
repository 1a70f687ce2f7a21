package org.llmbench.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.llmbench.suite.CodeTests;

/**
 * The checks of a question with executable tests: the program is the question's code prefix (a completion-style
 * prompt) followed by the answer's code (its first fenced block in the language, else the whole answer), and each
 * test is a check worth an equal share, or one check that passes only when every test does.
 */
final class CodeChecks {

    private CodeChecks() {
    }

    /** The program that runs: the prefix, then the answer's code. */
    static String program(CodeTests tests, String answer) {
        Set<String> languages = tests.language() == CodeTests.Language.PYTHON ? Set.of("python", "py", "python3")
                : Set.of("java");
        String code = CodeBlocks.first(answer, languages).orElse(answer);
        if (tests.prefix() == null) {
            return code;
        }
        return tests.prefix() + (tests.prefix().endsWith("\n") || code.startsWith("\n") ? "" : "\n") + code;
    }

    static List<Check> check(CodeJudge judge, CodeTests tests, String answer) {
        CodeJudge.TestRun run = judge.run(tests, program(tests, answer));
        if (run.unavailable() != null) {
            return List.of(Check.unavailable("tests", run.unavailable()));
        }
        int n = run.failures().size();
        String whole = run.diagnostic() == null ? "" : " (" + run.diagnostic() + ")";
        if (tests.allOrNothing() || n == 1) {
            int passed = run.passed();
            String first = run.failures().stream().filter(f -> f != null).findFirst().orElse(null);
            return List.of(passed == n && n > 0
                    ? Check.passed("tests", 1, "all " + n + " tests passed")
                    : Check.failed("tests", 1, passed + " of " + n + " tests passed" + whole
                            + (first == null ? "" : "; first failure: " + first)));
        }
        List<Check> checks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String f = run.failures().get(i);
            checks.add(f == null ? Check.passed("test " + (i + 1), 1.0 / n, "passed")
                    : Check.failed("test " + (i + 1), 1.0 / n, f + whole));
        }
        return checks;
    }
}
