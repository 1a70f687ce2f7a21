package org.llmbench.tasks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a code_fix answer against its tests in the {@link Sandbox}: one child process per answer, all tests in it.
 * The child only runs the model's code on the inputs and reports what came back; the expected values never reach
 * it: Java's are compared in the harness ({@link CaseReports}), Python's in a judge process that never runs model
 * code ({@link PythonTests}), so printing, patching or exiting early can only lose.
 */
public final class CodeRunner {

    /** The languages a code_fix task may be in. */
    public enum Language { JAVA, PYTHON }

    /**
     * What one run showed.
     *
     * @param failures per test (1-based index - 1): null when it passed, else why not
     * @param diagnostic what went wrong with the run as a whole (compile error, timeout), or null
     */
    public record Outcome(List<String> failures, String diagnostic, Sandbox.Result result) {
        public int passed() {
            return (int) failures.stream().filter(f -> f == null).count();
        }
    }

    private final Sandbox sandbox;

    public CodeRunner(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /**
     * The sandbox layers a code task's answers run under on this machine with a run's setting, as wire names (for
     * the score event and the manifest; {@code unisolated} when no operating-system boundary holds it); null for a
     * task that runs no code.
     */
    public static List<String> layers(Task task, boolean unisolated) {
        if (task.kind() != TaskKind.CODE_FIX) {
            return null;
        }
        Language language = task.needsPython() ? Language.PYTHON : Language.JAVA;
        Sandbox sandbox = new Sandbox(Sandbox.Limits.DEFAULT, Sandbox.Options.forRun(unisolated));
        return layers(sandbox, language).stream().map(Sandbox.Layer::wireName).toList();
    }

    /** Why a task's code may not run here with a run's setting (no operating-system isolation), or empty. */
    public static java.util.Optional<String> refusal(Task task, boolean unisolated) {
        return task.kind() != TaskKind.CODE_FIX ? java.util.Optional.empty()
                : new Sandbox(Sandbox.Limits.DEFAULT, Sandbox.Options.forRun(unisolated)).refusal();
    }

    static Set<Sandbox.Layer> layers(Sandbox sandbox, Language language) {
        if (language == Language.PYTHON && Toolchain.python() == null) {
            return Set.of();
        }
        Set<Sandbox.Layer> layers = EnumSet.copyOf(sandbox.layers(command(language, 0)));
        if (language == Language.PYTHON || JavaHarness.hasGuard()) {
            layers.add(Sandbox.Layer.LANGUAGE_GUARD);
        }
        return layers;
    }

    private static Sandbox.Command command(Language language, int cases) {
        return language == Language.JAVA
                ? javaCommand(cases)
                : PythonHarness.command(Toolchain.python(), "solution");
    }

    /** javac and the runner, with javac's class-data archive made visible to the child when there is one. */
    private static Sandbox.Command javaCommand(int cases) {
        java.util.Optional<java.nio.file.Path> archive = Toolchain.javacArchive();
        List<java.nio.file.Path> reads = new ArrayList<>(List.of(Toolchain.javaHome()));
        archive.ifPresent(reads::add);
        return new Sandbox.Command(JavaHarness.command(cases, archive), null, reads);
    }

    Outcome run(Language language, String code, List<TestCase> cases) {
        if (language == Language.PYTHON) {
            return runPython(code, cases);
        }
        Map<String, String> files = JavaHarness.files(code, cases);
        List<String> tokens = JavaHarness.tokens(cases.size());
        Sandbox.Result result = sandbox.run(files, command(language, cases.size()), String.join(" ", tokens) + "\n");
        CaseReports.Report report = CaseReports.judge(result.stdout(), cases, tokens);
        return new Outcome(report.failures(), diagnostic(language, result, report), result);
    }

    /** Python is judged call by call ({@link PythonTests}): the expected values stay with the judge. */
    private Outcome runPython(String code, List<TestCase> cases) {
        PythonTests.Spec spec = new PythonTests.Spec(PythonTests.Kind.CASES, entryPoint(cases.get(0).call()), "",
                cases.stream().map(TestCase::call).toList(), cases.stream().map(TestCase::expected).toList());
        PythonTests.Verdicts verdicts = new PythonTests(sandbox).run(spec, code);
        if (verdicts == null) {
            List<String> failures = new ArrayList<>(cases.stream().map(c -> "not run").toList());
            return new Outcome(failures, "python3 is not on the PATH", null);
        }
        return new Outcome(verdicts.failures(), verdicts.diagnostic(), null);
    }

    /** The function a Python call names, e.g. {@code sum_multiples} of {@code sum_multiples([3], 3)}. */
    static String entryPoint(String call) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\(").matcher(call);
        return m.lookingAt() ? m.group(1) : "solution";
    }

    private static String diagnostic(Language language, Sandbox.Result r, CaseReports.Report report) {
        if (r.startError() != null) {
            return r.startError();
        }
        if (r.timedOut()) {
            return "killed after the wall-clock limit";
        }
        if (report.loadError() != null) {
            return "does not load: " + report.loadError();
        }
        if (report.done()) {
            return null;
        }
        boolean compiled = language == Language.PYTHON || JavaHarness.started(r.stdout());
        if (!compiled && r.exitCode() == JavaHarness.COMPILE_FAILED) {
            return "does not compile: " + compileError(r.stderr());
        }
        if (!compiled && r.exitCode() == JavaHarness.PACKAGE_DECLARED) {
            return "refused: the code declares a package or a type named java (it must be in the unnamed package)";
        }
        // Not the exit code: the model's code chooses it, and a byte of what it read would reach the record.
        return "the program ended early";
    }

    /**
     * The first javac error, its message only, in a character set that cannot carry much else: javac ran before
     * any model code, but a model's program could print a look-alike line on a later run, so nothing is trusted.
     */
    static String compileError(String stderr) {
        return stderr.lines().filter(l -> l.matches("\\S+\\.java:\\d+: error: .*")).findFirst()
                .map(l -> l.substring(l.indexOf(": error: ") + 9).replaceAll("[^A-Za-z0-9 ;:'(){}\\[\\].,<>_-]", "?"))
                .map(m -> m.length() <= 60 ? m : m.substring(0, 57) + "...").orElse("see javac's output");
    }
}
