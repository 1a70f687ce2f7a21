package org.llmbench.tasks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs model-written code in a child process, never in the harness JVM, behind the layers this machine allows
 * ({@link Layer}): a fresh temporary directory (removed afterwards) as working directory, an environment with
 * nothing from the parent but PATH, a wall-clock limit, file-size and optional address-space limits; where the
 * kernel allows, its own PID, mount and network namespaces in a private root ({@link PrivateRoot}); as root, a
 * uid of its own. After every run, finished or not, every process it started is killed ({@link ProcessTrees}).
 * See the README's "Generated tasks" section for what this does and does not protect against.
 */
public final class Sandbox {

    /** Switches the namespace layer off, to run as on a machine without it: {@code -Dllmbench.sandbox.namespaces=false}. */
    public static final String NAMESPACES_PROPERTY = "llmbench.sandbox.namespaces";
    /** Switches the separate-uid layer off: {@code -Dllmbench.sandbox.uid=false}. */
    public static final String UID_PROPERTY = "llmbench.sandbox.uid";
    /**
     * Lets a {@link Sandbox} made from the system properties run code without operating-system isolation
     * ({@code -Dllmbench.sandbox.unisolated=true}; the project's own tests set it). A benchmark run decides with
     * its setting {@code bench.sandbox}, never with this.
     */
    public static final String UNISOLATED_PROPERTY = "llmbench.sandbox.unisolated";

    /** One protection around a run; which ones are in force depends on the machine and the {@link Options}. */
    public enum Layer {
        /** Every process of the run lives in a PID namespace that the kernel empties when the run ends. */
        PID_NAMESPACE,
        /** A root of its own: only its directory (writable), the runtime and /usr (read-only); no home, no /tmp. */
        PRIVATE_ROOT,
        /** A network namespace with nothing but a loopback that is down. */
        NO_NETWORK,
        /** macOS: {@code sandbox-exec} with a deny-by-default profile: no network, writes only in its directory, no home ({@link Seatbelt}). */
        MACOS_SANDBOX,
        /** A uid of its own (when the harness is root), whose processes are all killed when the run ends. */
        SEPARATE_UID,
        /** Its own session and process group, killed with its descendants when the run ends. */
        PROCESS_GROUP,
        /** An environment with nothing from the parent but PATH. */
        CLEAN_ENVIRONMENT,
        /** {@code ulimit} on file size, address space (Python) and, with a uid of its own, processes. */
        RESOURCE_LIMITS,
        /** The language's own guard: a SecurityManager (JDK 17 to 23) or a Python audit hook (added by the code runner). */
        LANGUAGE_GUARD,
        /**
         * Not a protection but the mark of its absence: no operating-system boundary (neither namespaces nor macOS's
         * sandbox), only the layers above; model code runs so only when the user opted in ({@code bench.sandbox=unisolated}).
         */
        UNISOLATED;

        /** The name written to score details and the manifest, e.g. {@code pid_namespace}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Limits of one run. */
    public record Limits(Duration wallClock, int outputCapBytes, long maxFileKb) {
        /** What code_fix runs get: 20 s wall clock (JVM start and compile included), 64 KiB of output, 10 MiB files. */
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(20), 64 * 1024, 10 * 1024);
    }

    /**
     * Which layers to use where the machine has them; switching one off simulates a machine without it.
     *
     * @param namespaces the PID, mount and network namespaces in a private root
     * @param separateUid a uid of its own per run, when the harness runs as root
     * @param unisolated whether code may run where the operating system gives no isolation (only language guards)
     */
    public record Options(boolean namespaces, boolean separateUid, boolean unisolated) {
        /** Namespaces and uid on unless {@value #NAMESPACES_PROPERTY} or {@value #UID_PROPERTY} is {@code false}; unisolated if {@value #UNISOLATED_PROPERTY} is {@code true}. */
        public static Options fromSystemProperties() {
            return new Options(!"false".equalsIgnoreCase(System.getProperty(NAMESPACES_PROPERTY)),
                    !"false".equalsIgnoreCase(System.getProperty(UID_PROPERTY)), Boolean.getBoolean(UNISOLATED_PROPERTY));
        }

        /** The layers of the system properties, with a benchmark run's own answer to whether code may run unisolated. */
        public static Options forRun(boolean unisolated) {
            Options p = fromSystemProperties();
            return new Options(p.namespaces(), p.separateUid(), unisolated);
        }
    }

    /**
     * A command to run in the sandbox directory.
     *
     * @param argv the command line; relative paths resolve against the sandbox directory
     * @param addressSpaceKb {@code ulimit -v} for the child, or null (a JVM reserves far more than it uses, so
     *                       Java children get {@code -Xmx} instead)
     * @param runtimeHomes installations the command reads (a JDK, a Python prefix), made visible in a private
     *                     root; a separate uid is used only when it can reach them
     */
    public record Command(List<String> argv, Long addressSpaceKb, List<Path> runtimeHomes) {
        public Command {
            argv = List.copyOf(argv);
            runtimeHomes = List.copyOf(runtimeHomes);
        }

        /** A command that needs nothing beyond /usr. */
        public Command(List<String> argv, Long addressSpaceKb) {
            this(argv, addressSpaceKb, List.of());
        }
    }

    /** The outcome of one run; {@code exitCode} is -1 when the run was killed or could not start. */
    public record Result(int exitCode, boolean timedOut, String stdout, String stderr, boolean outputTruncated,
                         long millis, String startError, Set<Layer> layers) {
    }

    private final Limits limits;
    private final Options options;

    /** A sandbox with the layers (and the permission to run unisolated) the system properties give. */
    public Sandbox(Limits limits) {
        this(limits, Options.fromSystemProperties());
    }

    public Sandbox(Limits limits, Options options) {
        this.limits = limits;
        this.options = options;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Why model code may not run here, or empty when it may: there is operating-system isolation (namespaces, or
     * macOS's sandbox), or the options allow running without it.
     */
    public Optional<String> refusal() {
        if (isolated() || options.unisolated()) {
            return Optional.empty();
        }
        String why = Seatbelt.IS_MAC ? "sandbox-exec is missing"
                : !Toolchain.IS_LINUX ? "no operating-system sandbox for " + System.getProperty("os.name")
                : !options.namespaces() ? "the namespace layer is switched off (-D" + NAMESPACES_PROPERTY + "=false)"
                : "user namespaces are not available (unshare, mount and pivot_root in a new user namespace failed)";
        return Optional.of("no operating-system isolation here (" + why + "): model code does not run; set bench.sandbox="
                + "unisolated to run it with only the language guards (see README, Sandbox)");
    }

    /** Whether the operating system puts a boundary around the child: namespaces on Linux, sandbox-exec on macOS. */
    public boolean isolated() {
        return options.namespaces() && Toolchain.hasNamespaces() || Seatbelt.available();
    }

    /** The layers a run of {@code command} gets on this machine (the language guard is the code runner's to add). */
    public Set<Layer> layers(Command command) {
        return plan(command, options.namespaces() && Toolchain.hasNamespaces()).layers();
    }

    /** Writes the files into a new temporary directory, runs the command there with stdin, and removes the directory. */
    public Result run(Map<String, String> files, Command command, String stdin) {
        Optional<String> refusal = refusal();
        if (refusal.isPresent()) {
            return new Result(-1, false, "", "", false, 0, refusal.get(), layers(command));
        }
        return run(files, command, stdin, options.namespaces() && Toolchain.hasNamespaces());
    }

    /** The probe's entry: a run in a private root whatever the probe's cached answer (which it is computing). */
    Result runWithNamespaces(Map<String, String> files, Command command, String stdin) {
        return run(files, command, stdin, true);
    }

    private SandboxPlan plan(Command command, boolean namespaces) {
        return SandboxPlan.of(command, namespaces, options.separateUid());
    }

    private Result run(Map<String, String> files, Command command, String stdin, boolean namespaces) {
        long start = System.nanoTime();
        SandboxPlan plan = plan(command, namespaces);
        Path base = null;
        try {
            base = SandboxDirectory.create(files, plan, command);
            return execute(base, command, stdin, start, plan);
        } catch (IOException e) {
            return new Result(-1, false, "", "", false, elapsed(start), "cannot start the sandbox: " + e.getMessage(), plan.layers());
        } finally {
            if (base != null) {
                TempDirs.delete(base);
            }
        }
    }

    /**
     * Starts the command in a new sandbox directory holding the files, to be talked to line by line ({@link SandboxSession});
     * closing the session kills every process of the run and removes the directory.
     */
    SandboxSession start(Map<String, String> files, Command command) throws IOException {
        Optional<String> refusal = refusal();
        if (refusal.isPresent()) {
            throw new IOException(refusal.get());
        }
        SandboxPlan plan = plan(command, options.namespaces() && Toolchain.hasNamespaces());
        Path base = SandboxDirectory.create(files, plan, command);
        try {
            ProcessBuilder builder = WrappedCommand.builder(command, base, plan, limits.maxFileKb())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            return new SandboxSession(builder.start(), base, plan.layers(), plan::kill);
        } catch (IOException | RuntimeException e) {
            TempDirs.delete(base);
            throw e;
        }
    }

    private Result execute(Path base, Command command, String stdin, long start, SandboxPlan plan) throws IOException {
        // Output goes to files beside (not in) the working directory: no pipe a grandchild could hold open, no
        // reader to wait for; ulimit -f caps their size like any file the child writes.
        Path stdoutFile = base.resolve("stdout");
        Path stderrFile = base.resolve("stderr");
        for (Path f : List.of(stdoutFile, stderrFile)) {
            Files.createFile(f, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        }
        ProcessBuilder builder = WrappedCommand.builder(command, base, plan, limits.maxFileKb())
                .redirectOutput(stdoutFile.toFile()).redirectError(stderrFile.toFile());
        Process process = builder.start();
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
        plan.kill(process);
        int exit = finished ? process.exitValue() : -1;
        CapturedOutput out = CapturedOutput.read(stdoutFile, limits.outputCapBytes());
        CapturedOutput err = CapturedOutput.read(stderrFile, limits.outputCapBytes() / 4);
        String startError = plan.namespaces() && exit == PrivateRoot.SETUP_FAILED
                ? "the private root could not be set up: " + TaskJson.clip(err.text()) : null;
        return new Result(exit, !finished, out.text(), err.text(), out.truncated() || err.truncated(), elapsed(start),
                startError, plan.layers());
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
