package org.llmbench.tasks;

import java.util.List;
import org.llmbench.scoring.CodeJudge;
import org.llmbench.suite.CodeTests;

/**
 * The sandboxed judge of suite questions with executable tests: Python tests of every form (HumanEval check code,
 * MBPP assert lines, call/expected pairs) are judged call by call by {@link PythonTests}, whose judge never runs
 * model code and whose child never holds a test; Java call/expected pairs run through {@link CodeRunner}.
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

    /** A benchmark run's judge: default limits, and code runs unisolated only if the run's setting says so. */
    public static SuiteCodeJudge forRun(boolean unisolated) {
        return new SuiteCodeJudge(new Sandbox(Sandbox.Limits.DEFAULT, Sandbox.Options.forRun(unisolated)));
    }

    /** The sandbox layers a question's tests run under with a run's setting, as wire names ({@code unisolated} included). */
    public static List<String> layers(CodeTests tests, boolean unisolated) {
        Sandbox sandbox = new Sandbox(Sandbox.Limits.DEFAULT, Sandbox.Options.forRun(unisolated));
        return CodeRunner.layers(sandbox, tests.language() == CodeTests.Language.JAVA ? CodeRunner.Language.JAVA
                : CodeRunner.Language.PYTHON).stream().map(Sandbox.Layer::wireName).toList();
    }

    /** Why a question's tests may not run here with a run's setting (no operating-system isolation), or empty. */
    public static java.util.Optional<String> refusal(boolean unisolated) {
        return new Sandbox(Sandbox.Limits.DEFAULT, Sandbox.Options.forRun(unisolated)).refusal();
    }

    @Override
    public TestRun run(CodeTests tests, String program) {
        if (tests.language() == CodeTests.Language.PYTHON) {
            PythonTests.Spec spec = tests.checkCode() != null
                    ? new PythonTests.Spec(PythonTests.Kind.CHECK, tests.entryPoint(), prefix(tests), List.of(tests.checkCode()), List.of())
                    : !tests.asserts().isEmpty()
                    ? new PythonTests.Spec(PythonTests.Kind.LINES, tests.entryPoint(), prefix(tests), tests.asserts(), List.of())
                    : new PythonTests.Spec(PythonTests.Kind.CASES, tests.entryPoint(), prefix(tests),
                            tests.cases().stream().map(CodeTests.Case::call).toList(),
                            tests.cases().stream().map(CodeTests.Case::expected).toList());
            PythonTests.Verdicts verdicts = python.run(spec, program);
            if (verdicts == null) {
                return new TestRun(List.of(), null, "python3 is not on the PATH");
            }
            List<String> failures = new java.util.ArrayList<>(verdicts.failures());
            for (int i = 0; i < tests.cases().size(); i++) {
                CodeTests.Case c = tests.cases().get(i);
                if (failures.get(i) != null) {
                    // what a user reads comes from the harness's own data, the call and the expected value
                    failures.set(i, TaskJson.clip(c.call()) + " should return " + TaskJson.clip(c.expected()) + ": " + failures.get(i));
                }
            }
            return new TestRun(failures, verdicts.diagnostic(), null);
        }
        List<TestCase> cases = tests.cases().stream().map(c -> new TestCase(c.call(), c.expected(), c.call())).toList();
        CodeRunner.Outcome outcome = runner.run(CodeRunner.Language.JAVA, program, cases);
        if (outcome.result() == null && outcome.diagnostic() != null) {
            return new TestRun(List.of(), null, outcome.diagnostic());
        }
        return new TestRun(outcome.failures(), outcome.diagnostic(), null);
    }

    private static String prefix(CodeTests tests) {
        return tests.prefix() == null ? "" : tests.prefix();
    }
}
