package org.llmbench.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One long-lived {@code python3} that only calls {@code compile()} on each text it is sent, shared by the JVM:
 * starting a Python per answer cost about 0.15 s of CPU each (half of a mock run), taken from the model on a
 * shared machine. Model text is hostile: it travels as a length-prefixed frame of bytes (no line of it is ever
 * read as a command), is compiled and never executed, under a timeout after which the process is killed; a dead
 * or killed process is replaced on the next check.
 */
final class PythonCompiler {

    static final PythonCompiler SHARED = new PythonCompiler();

    /**
     * The helper's program ({@code python_helper.py} beside this class): reads "LENGTH\n" + LENGTH bytes and answers
     * "ok" or "error <last line of the exception>"; reads "S ENTRY LENGTH\n" + bytes and answers "ok <base64 of UTF-8>",
     * the code EvalPlus's sanitize keeps; exits at end of input.
     */
    private static final String SCRIPT = script();

    /** What a compile said: {@code ok}, or the error's last line; {@code timedOut} when it was killed. */
    record Outcome(boolean ok, boolean timedOut, String error) {
    }

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "llm-bench-python-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final AtomicLong starts = new AtomicLong();
    private Process process;
    private OutputStream stdin;
    private BufferedReader stdout;

    private PythonCompiler() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "llm-bench-python-stop"));
    }

    /** Compiles {@code code}; retried once on a fresh process when the old one had died. */
    Outcome compile(String code, Duration timeout) throws IOException {
        byte[] bytes = code.getBytes(StandardCharsets.UTF_8);
        Outcome o = ask(bytes.length + "\n", bytes, timeout);
        if (o.ok()) {
            return o.error().equals("ok") ? new Outcome(true, false, "") : new Outcome(false, false, o.error());
        }
        return o;
    }

    /** EvalPlus's {@code sanitize(code, entry)} reproduced on Python's parser ({@code python_helper.py}); never runs the code. */
    Sanitized sanitize(String code, String entry, Duration timeout) throws IOException {
        if (!entry.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("not an entry point name");
        }
        byte[] bytes = code.getBytes(StandardCharsets.UTF_8);
        Outcome o = ask("S " + entry + " " + bytes.length + "\n", bytes, timeout);
        if (o.ok() && o.error().startsWith("ok ")) {
            return new Sanitized(new String(java.util.Base64.getDecoder().decode(o.error().substring(3).strip()), StandardCharsets.UTF_8), null);
        }
        return new Sanitized(null, o.timedOut() ? "timed out" : o.error());
    }

    /** What sanitize kept, or why there is nothing (timed out, the helper died). */
    record Sanitized(String code, String problem) {
    }

    /**
     * Sends one frame and reads the answer line: ok with the line itself as {@code error} when an answer came
     * ("ok", "ok ...", "error ..." unwrapped to its text), else timed out or died.
     */
    private synchronized Outcome ask(String header, byte[] bytes, Duration timeout) throws IOException {
        for (int attempt = 0; ; attempt++) {
            boolean fresh = ensureStarted();
            AtomicBoolean fired = new AtomicBoolean();
            Process p = process;
            ScheduledFuture<?> kill = WATCHDOG.schedule(() -> {
                fired.set(true);
                p.destroyForcibly();
            }, Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
            String answer;
            try {
                stdin.write(header.getBytes(StandardCharsets.US_ASCII));
                stdin.write(bytes);
                stdin.flush();
                answer = stdout.readLine();
            } catch (IOException broken) {
                answer = null;
            } finally {
                kill.cancel(false);
            }
            if (answer != null && !fired.get()) {
                return answer.equals("ok") || answer.startsWith("ok ") ? new Outcome(true, false, answer)
                        : new Outcome(false, false, answer.startsWith("error ") ? answer.substring(6) : answer);
            }
            stop();
            if (fired.get()) {
                return new Outcome(false, true, "");
            }
            if (fresh || attempt > 0) {
                // A fresh process died on this text: say so, never pass it.
                return new Outcome(false, false, "the checker died on this code");
            }
        }
    }

    private static String script() {
        try (var in = PythonCompiler.class.getResourceAsStream("python_helper.py")) {
            return new String(java.util.Objects.requireNonNull(in, "python_helper.py").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** How many processes were started (tests: one for many checks). */
    long starts() {
        return starts.get();
    }

    /** Kills the process as if it had crashed (tests). */
    synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean ensureStarted() throws IOException {
        if (process != null && process.isAlive()) {
            return false;
        }
        stop();
        ProcessBuilder builder = new ProcessBuilder(List.of("python3", "-I", "-c", SCRIPT));
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        if (path != null) {
            env.put("PATH", path);
        }
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        process = builder.start();
        starts.incrementAndGet();
        stdin = process.getOutputStream();
        stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        return true;
    }

    private synchronized void stop() {
        if (process != null) {
            process.destroyForcibly();
            process = null;
        }
    }
}
