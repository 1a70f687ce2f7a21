package org.llmbench.tasks;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Runs a code_fix answer against its tests in the {@link Sandbox}: one child process per answer, all tests in it,
 * and reads back which tests passed from the nonce-tagged lines the harness prints.
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

    private static final SecureRandom NONCES = new SecureRandom();
    private final Sandbox sandbox;

    public CodeRunner(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    Outcome run(Language language, String code, List<TestCase> cases) {
        String nonce = HexFormat.of().formatHex(bytes());
        Sandbox.Result result = language == Language.JAVA
                ? sandbox.run(Map.of(JavaHarness.FILE, JavaHarness.source(code, cases)),
                        new Sandbox.Command(JavaHarness.command(), null), nonce + "\n")
                : sandbox.run(Map.of(PythonHarness.FILE, PythonHarness.source(cases), PythonHarness.SOLUTION, code),
                        new Sandbox.Command(PythonHarness.command(), PythonHarness.ADDRESS_SPACE_KB), nonce + "\n");
        Report report = read(result.stdout(), nonce, cases.size());
        return new Outcome(report.failures(), diagnostic(result, report.done()), result);
    }

    /** The harness's report as read from stdout: per test null (passed) or why not, and whether it finished. */
    record Report(List<String> failures, boolean done) {
    }

    /** Reads the nonce-tagged lines of a harness's stdout; anything else (model prints, forgeries) is ignored. */
    static Report read(String stdout, String nonce, int cases) {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            failures.add("no result: the program stopped before this test");
        }
        boolean done = false;
        for (String line : stdout.split("\n")) {
            if (!line.startsWith(nonce + " ")) {
                continue;
            }
            String[] parts = line.substring(nonce.length() + 1).split(" ", 3);
            if (parts[0].equals("DONE")) {
                done = true;
            } else if (parts.length >= 2 && parts[1].matches("\\d{1,4}")) {
                int n = Integer.parseInt(parts[1]) - 1;
                if (n >= 0 && n < failures.size()) {
                    failures.set(n, parts[0].equals("PASS") ? null : parts.length > 2 ? parts[2] : "failed");
                }
            }
        }
        return new Report(failures, done);
    }

    private static byte[] bytes() {
        byte[] b = new byte[16];
        NONCES.nextBytes(b);
        return b;
    }

    private static String diagnostic(Sandbox.Result r, boolean done) {
        if (r.startError() != null) {
            return r.startError();
        }
        if (r.timedOut()) {
            return "killed after the wall-clock limit";
        }
        if (done) {
            return null;
        }
        String compileError = r.stderr().lines().filter(l -> l.contains("error:") || l.contains("Error"))
                .findFirst().orElse(null);
        return compileError != null ? "does not run: " + TaskJson.clip(compileError)
                : "the program ended early (exit code " + r.exitCode() + ")";
    }
}
