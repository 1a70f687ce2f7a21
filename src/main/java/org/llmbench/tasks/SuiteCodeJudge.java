package org.llmbench.tasks;

import java.util.List;
import org.llmbench.scoring.CodeJudge;
import org.llmbench.suite.CodeTests;

/**
 * The sandboxed judge of suite questions with executable tests: call/expected pairs (Python or Java) run through
 * {@link CodeRunner}, whose child never sees an expected value; Python test code (HumanEval, MBPP) through
 * {@link PythonTests}, whose verdicts come from a process that never runs model code.
 */
public final class SuiteCodeJudge implements CodeJudge {

    private final CodeRunner runner;
    private final PythonTests python;

    public SuiteCodeJudge(Sandbox sandbox) {
        this.runner = new CodeRunner(sandbox);
        this.python = new PythonTests(sandbox);
    }

    /** A judge with the default limits and the layers the system properties allow. */
    public static SuiteCodeJudge withDefaults() {
        return new SuiteCodeJudge(new Sandbox(Sandbox.Limits.DEFAULT));
    }

    @Override
    public TestRun run(CodeTests tests, String program) {
        if (tests.cases().isEmpty()) {
            return python.run(tests, program);
        }
        CodeRunner.Language language = tests.language() == CodeTests.Language.JAVA ? CodeRunner.Language.JAVA
                : CodeRunner.Language.PYTHON;
        List<TestCase> cases = tests.cases().stream().map(c -> new TestCase(c.call(), c.expected(), c.call())).toList();
        CodeRunner.Outcome outcome = runner.run(language, program, cases);
        if (outcome.result() == null && outcome.diagnostic() != null) {
            return new TestRun(List.of(), null, outcome.diagnostic());
        }
        return new TestRun(outcome.failures(), outcome.diagnostic(), null);
    }
}
