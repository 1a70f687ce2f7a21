package org.llmbench.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs model-written code in a child process, never in the harness JVM: a fresh empty temporary directory
 * (removed afterwards) as working directory, an environment with nothing from the parent but PATH, a
 * wall-clock limit after which the whole process tree (and its process group) is killed, a file-size limit
 * and optional address-space limit through {@code ulimit}, and stdout/stderr capped. See the README's
 * "Generated tasks" section for what this does and does not protect against.
 */
public final class Sandbox {

    /** Limits of one run. */
    public record Limits(Duration wallClock, int outputCapBytes, long maxFileKb) {
        /** What code_fix runs get: 20 s wall clock (JVM start and compile included), 64 KiB of output, 10 MiB files. */
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(20), 64 * 1024, 10 * 1024);
    }

    /**
     * A command to run in the sandbox directory.
     *
     * @param argv the command line; relative paths resolve against the sandbox directory
     * @param addressSpaceKb {@code ulimit -v} for the child, or null (a JVM reserves far more than it uses, so
     *                       Java children get {@code -Xmx} instead)
     */
    public record Command(List<String> argv, Long addressSpaceKb) {
    }

    /** The outcome of one run; {@code exitCode} is -1 when the run was killed or could not start. */
    public record Result(int exitCode, boolean timedOut, String stdout, String stderr, boolean outputTruncated,
                         long millis, String startError) {
    }

    private final Limits limits;

    public Sandbox(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /** Writes the files into a new temporary directory, runs the command there with stdin, and removes the directory. */
    public Result run(Map<String, String> files, Command command, String stdin) {
        long start = System.nanoTime();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("llm-bench-sandbox-");
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
            return execute(dir, command, stdin, start);
        } catch (IOException e) {
            return new Result(-1, false, "", "", false, elapsed(start), "cannot start the sandbox: " + e.getMessage());
        } finally {
            if (dir != null) {
                TempDirs.delete(dir);
            }
        }
    }

    private Result execute(Path dir, Command command, String stdin, long start) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(wrap(command, dir.toRealPath())).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        if (path != null) {
            env.put("PATH", path);
        }
        Process process = builder.start();
        CappedReader out = CappedReader.start(process.getInputStream(), limits.outputCapBytes());
        CappedReader err = CappedReader.start(process.getErrorStream(), limits.outputCapBytes() / 4);
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // A child that exits before reading its stdin is judged by its output, not by this.
        }
        boolean finished;
        try {
            finished = process.waitFor(limits.wallClock().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        ProcessTrees.kill(process, Toolchain.HAS_SETSID);
        return new Result(finished ? process.exitValue() : -1, !finished, out.text(), err.text(),
                out.truncated() || err.truncated(), elapsed(start), null);
    }

    /**
     * Mount commands run inside the child's own mount namespace: its directory stays writable, every other mount
     * becomes read-only (the kernel lets a namespace add the read-only flag to mounts it inherited, never remove
     * it), so code that ignores its directory cannot write anywhere else, whatever the JDK or interpreter allows.
     * The {@code cd} moves the shell onto the new mount: its working directory still pointed at the old one.
     */
    private static final String READ_ONLY_OUTSIDE_DIR = "d=\"$1\"; shift; mount --bind \"$d\" \"$d\" && cd \"$d\" || exit 97; "
            + "for m in $(awk '{print $2}' /proc/self/mounts); do case \"$m\" in \"$d\"|/proc|/proc/*|/dev|/dev/*|/sys|/sys/*) ;; "
            + "*) mount -o remount,bind,ro \"$m\" 2>/dev/null ;; esac; done; ";

    /**
     * {@code setsid} gives the child its own process group, so everything it spawns can be killed together; where
     * unprivileged user namespaces exist, {@code unshare} gives it no network and a read-only file system outside
     * its directory; {@code ulimit} caps file size and address space.
     */
    private List<String> wrap(Command command, Path dir) {
        List<String> argv = new ArrayList<>();
        if (Toolchain.HAS_SETSID) {
            argv.add("setsid");
        }
        boolean namespaces = Toolchain.hasNamespaces();
        if (namespaces) {
            argv.addAll(List.of("unshare", "--user", "--map-root-user", "--mount", "--net"));
        }
        if (Toolchain.HAS_BASH) {
            String limitsScript = (namespaces ? READ_ONLY_OUTSIDE_DIR : "") + "ulimit -f " + limits.maxFileKb()
                    + (command.addressSpaceKb() == null ? "" : "; ulimit -v " + command.addressSpaceKb())
                    + "; exec \"$@\"";
            argv.addAll(List.of("bash", "-c", limitsScript, "sandbox"));
            if (namespaces) {
                argv.add(dir.toString());
            }
        }
        argv.addAll(command.argv());
        return argv;
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Reads a child's stream on its own thread, keeping the first {@code cap} bytes and draining the rest. */
    private static final class CappedReader {
        private final Thread thread;
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        private volatile boolean truncated;

        private CappedReader(InputStream in, int cap) {
            thread = new Thread(() -> {
                byte[] chunk = new byte[8192];
                try (in) {
                    for (int n; (n = in.read(chunk)) >= 0; ) {
                        synchronized (kept) {
                            int room = cap - kept.size();
                            kept.write(chunk, 0, Math.max(0, Math.min(room, n)));
                            truncated |= n > room;
                        }
                    }
                } catch (IOException ignored) {
                    // The stream closes when the child is killed; what was read so far stands.
                }
            }, "sandbox-output");
            thread.setDaemon(true);
        }

        static CappedReader start(InputStream in, int cap) {
            CappedReader reader = new CappedReader(in, cap);
            reader.thread.start();
            return reader;
        }

        /** What was read; waits for the end of the stream, which comes once the process group is gone. */
        String text() {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }

        boolean truncated() {
            return truncated;
        }
    }
}
