package org.llmbench.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Parses code with the machine's own interpreter, without running it: {@code bash -n} for shell and
 * Python's {@code compile()} (what {@code py_compile} does, in one long-lived {@link PythonCompiler} process fed
 * through a pipe, so no file is written and no Python starts per answer).
 * A missing interpreter makes the check unavailable, which neither passes nor fails the answer.
 */
public final class SyntaxChecker {

    /** Languages with a local checker. */
    public enum Language { BASH, PYTHON }

    private static final Map<Language, List<String>> COMMANDS = Map.of(
            Language.BASH, List.of("bash", "-n"),
            Language.PYTHON, List.of("python3", "-I", "-c", "import sys; compile(sys.stdin.read(), '<answer>', 'exec')"));
    private static final int STDERR_CAP = 2048;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final boolean enabled;
    private final Duration timeout;
    private final Map<Language, Boolean> available = new ConcurrentHashMap<>();

    /** A checker; {@code enabled=false} marks every syntax check unavailable (for speed measurements). */
    public SyntaxChecker(boolean enabled) {
        this(enabled, TIMEOUT);
    }

    /** A checker whose checks are killed after {@code timeout} (tests). */
    SyntaxChecker(boolean enabled, Duration timeout) {
        this.enabled = enabled;
        this.timeout = timeout;
    }

    /** Python processes started so far in this JVM (tests: one serves many checks). */
    static long pythonStarts() {
        return PythonCompiler.SHARED.starts();
    }

    /** Kills the shared Python checker as if it had crashed (tests). */
    static void killPythonForTest() {
        PythonCompiler.SHARED.kill();
    }

    public Check check(Language language, String code) {
        Check unavailable = unavailable(language);
        if (unavailable != null) {
            return unavailable;
        }
        String name = name(language);
        Outcome outcome = run(language, code, timeout);
        if (outcome.exitCode == 0) {
            return Check.passed(name, 1, "parses");
        }
        return Check.failed(name, 1, outcome.exitCode == TIMED_OUT ? "checker timed out"
                : "does not parse: " + FormatRuleScorer.abbreviate(lastLine(outcome.stderr)));
    }

    /**
     * The syntax check of an answer whose format check failed: failed with its full weight and not run, because
     * parsing is credit for well-formed code of the asked shape (prose passes {@code bash -n}). Unavailable where
     * {@link #check} would be, so the weights of every answer to a question add up to the same total.
     */
    public Check notChecked(Language language, String why) {
        Check unavailable = unavailable(language);
        return unavailable != null ? unavailable : Check.failed(name(language), 1, "not checked: " + why);
    }

    private Check unavailable(Language language) {
        if (!enabled) {
            return Check.unavailable(name(language), "syntax checks are switched off");
        }
        if (!available.computeIfAbsent(language, l -> run(l, "", TIMEOUT).exitCode == 0)) {
            return Check.unavailable(name(language), COMMANDS.get(language).get(0) + " is not available on this machine");
        }
        return null;
    }

    private static String name(Language language) {
        return "syntax:" + (language == Language.BASH ? "bash -n" : "python3 compile");
    }

    private static final int TIMED_OUT = -2;

    private record Outcome(int exitCode, String stderr) {
    }

    private static Outcome run(Language language, String code, Duration timeout) {
        if (language == Language.PYTHON) {
            try {
                PythonCompiler.Outcome o = PythonCompiler.SHARED.compile(code, timeout);
                return new Outcome(o.ok() ? 0 : o.timedOut() ? TIMED_OUT : 1, o.error());
            } catch (IOException e) {
                return new Outcome(-1, String.valueOf(e.getMessage()));
            }
        }
        ProcessBuilder builder = new ProcessBuilder(COMMANDS.get(language));
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        if (path != null) {
            env.put("PATH", path);
        }
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(code.getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // The checker may stop reading early on a syntax error; its exit code says what happened.
            }
            String stderr = readCapped(process.getErrorStream());
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                process.destroyForcibly();
                return new Outcome(TIMED_OUT, "");
            }
            return new Outcome(process.exitValue(), stderr);
        } catch (IOException e) {
            return new Outcome(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "interrupted");
        }
    }

    private static String readCapped(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(STDERR_CAP);
        in.transferTo(OutputStream.nullOutputStream());
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
