package org.llmbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the jar again in a JVM with start-up settings that keep the harness out of the model's way, as a
 * manifest cannot set JVM options: C1 only ({@code -XX:TieredStopAtLevel=1}; C2's compiler threads took half of a
 * run's CPU, all of it from the model on a shared machine), the serial collector on a small first heap (less memory
 * taken from the model) and the class-data archive that fits the running JDK
 * ({@link StartupArchive}: made at package time or by the first run, reused after). Measured against llama-server
 * (docs/PERFORMANCE.md), the relaunch costs far less CPU than it saves. Not done when the JVM already has
 * {@code -XX:} or {@code -Xshare} options or an agent (the user chose), when not started from a jar, for commands
 * that are over at once, or with {@code LLM_BENCH_RELAUNCH=0}. A child JVM that cannot start with these flags
 * (it never reaches {@code main}) leaves the command to this JVM, as before the relaunch existed.
 */
final class Relaunch {

    /** Set in the child: "1", or a file the child deletes to say it reached {@code main}. */
    static final String MARKER = "llmbench.relaunched";
    /** {@code -Dllmbench.c1=false} keeps C2 in the child. */
    static final String C1 = "llmbench.c1";
    /** {@code -Dllmbench.serialGc=false} leaves the collector and the first heap to the JVM. */
    static final String SERIAL_GC = "llmbench.serialGc";
    /** The child's first heap when the user gives no heap size: the young generation is a third of it and grows with it. */
    static final String FIRST_HEAP = "-Xms24m";
    /** {@code -Dllmbench.archive.dir=DIR}: make and look for the archive there first ({@code mvn package} uses target/). */
    static final String ARCHIVE_DIR = "llmbench.archive.dir";

    private Relaunch() {
    }

    /**
     * The child's exit code, or -1 when this JVM should run the command itself. This JVM starts without the
     * archive, so its path avoids what costs here and nothing in the child: lambdas, streams and {@code +} on
     * strings (each bootstraps invokedynamic), the management beans (java.lang.management), java.util.logging.
     */
    static int maybe(String[] args) {
        String marker = System.getProperty(MARKER);
        if (marker != null) {
            if (!marker.equals("1")) {
                deleteQuietly(Path.of(marker));
            }
            return -1;
        }
        if ("0".equals(System.getenv("LLM_BENCH_RELAUNCH"))
                || args.length == 0 || !args[0].equals("run") && !args[0].equals("smoke") && !args[0].equals("replay")) {
            return -1;
        }
        Path jar = jar();
        List<String> inherited = jar == null ? null : jvmOptions();
        if (inherited == null || !relaunchable(inherited) || !relaunchable(environmentOptions())) {
            return -1;
        }
        StartupArchive.Jvm jvm = StartupArchive.Jvm.current();
        List<String> options = childOptions(inherited, System.getProperty(C1), System.getProperty(SERIAL_GC));
        Path cache = StartupArchive.cacheDirectory(jvm, System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
        String chosen = System.getProperty(ARCHIVE_DIR);
        Path explicit = chosen == null || chosen.isBlank() ? null : Path.of(chosen).toAbsolutePath();
        Path writable = writable(explicit != null ? explicit : cache);
        StartupArchive.Plan plan = plan(jvm, jar, explicit, cache, writable);
        Path java = jvm.home().resolve("bin").resolve("java");
        Path started = writable == null ? null : startedFile(writable);
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(options);
        command.addAll(plan.flags());
        command.add("-D".concat(MARKER).concat("=").concat(started == null ? "1" : started.toString()));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        try {
            Process child = new ProcessBuilder(command).inheritIO().start();
            Thread stop = new Thread("llm-bench-relaunch-stop") {
                @Override
                public void run() {
                    child.destroy();
                }
            };
            Runtime.getRuntime().addShutdownHook(stop);
            int code = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
            // A JVM that fails to start exits with 1 before main: run here instead, without the flags that failed.
            if (code == 1 && started != null && Files.exists(started)) {
                StartupArchive.discard(plan);
                return -1;
            }
            // Only a run that did its work records the classes a run needs; the next one makes the archive otherwise.
            if (code == ExitCodes.OK || code == ExitCodes.FINDINGS) {
                StartupArchive.finish(plan, java, options, jar);
            } else {
                StartupArchive.discard(plan);
            }
            return code;
        } catch (Exception e) {
            return -1; // could not start it: run here, as before
        } finally {
            if (started != null) {
                deleteQuietly(started);
            }
        }
    }

    /**
     * This JVM's options as given on its command line (those before {@code -jar}; the JDK_JAVA_OPTIONS and
     * JAVA_TOOL_OPTIONS the child reads from the environment itself are not among them), or, when the command line
     * cannot be read or does not name the jar that way, the JVM's input arguments; null when neither is known.
     */
    private static List<String> jvmOptions() {
        String[] arguments = ProcessHandle.current().info().arguments().orElse(null);
        List<String> options = arguments == null ? null : optionsBeforeJar(arguments);
        if (options != null) {
            return options;
        }
        try {
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** The arguments before {@code -jar}, or null when there is none. */
    static List<String> optionsBeforeJar(String[] arguments) {
        List<String> options = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals("-jar")) {
                return options;
            }
            options.add(argument);
        }
        return null;
    }

    /** The options of JDK_JAVA_OPTIONS, JAVA_TOOL_OPTIONS and _JAVA_OPTIONS, which the user may have set JVM flags in. */
    private static List<String> environmentOptions() {
        List<String> options = new ArrayList<>();
        for (String name : new String[] {"JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS"}) {
            String value = System.getenv(name);
            if (value != null) {
                for (String option : value.trim().split("\\s+")) {
                    options.add(option);
                }
            }
        }
        return options;
    }

    /** Whether the user left the JVM's settings to the jar: no {@code -XX:}, {@code -Xshare} or agent option. */
    static boolean relaunchable(List<String> jvmOptions) {
        for (String option : jvmOptions) {
            // -XX: options are the user's choice; an agent (a debugger's port, a profiler) must not start twice.
            if (option.startsWith("-XX:") || option.startsWith("-Xshare") || option.startsWith("-agentlib")
                    || option.startsWith("-javaagent") || option.startsWith("-agentpath")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The child's JVM options: the user's, then C1 only unless {@code -Dllmbench.c1=false}, then the serial collector
     * on a small first heap unless {@code -Dllmbench.serialGc=false}. C1 pays on every JDK measured: on 17 it cut a
     * 20-call run's CPU by 40 % with the model's tokens/s up, on 25 with the AOT cache by a quarter. C1 compiling
     * early ({@code -XX:CompileThresholdScaling=0.3}, from issue 26) no longer pays since the harness does less between
     * two calls: in the sixth round it cost 0.07-0.15 s of CPU per 20-call run on 17 and 25 and shortened neither the
     * server's idle time between calls nor the TTFT over the server's (docs/PERFORMANCE.md, sixth round).
     * <p>
     * The harness keeps little alive (10 MiB after a 20-call run, 36 MiB after 10,000 questions), but on a machine
     * with two cores the JVM's own choice is G1 on a first heap of 1/64 of the memory, which it fills before it
     * collects: a 20-call run peaked at 99 MiB RSS, memory the model does not get. The serial collector on a 24 MiB
     * first heap (its young generation a third of the heap, growing with it) peaked at 86 MiB with the same CPU and
     * less time in pauses, and a 5,000-question run at 155 MiB against 630 (docs/PERFORMANCE.md, seventh round). A
     * heap size the user gives ({@code -Xms},
     * {@code -Xmx}, {@code -Xmn}) is theirs: the first heap is then left to it.
     */
    static List<String> childOptions(List<String> inherited, String c1Property, String serialGcProperty) {
        List<String> options = new ArrayList<>(inherited);
        if (c1Property == null || Boolean.parseBoolean(c1Property)) {
            options.add("-XX:TieredStopAtLevel=1");
        }
        if (serialGcProperty == null || Boolean.parseBoolean(serialGcProperty)) {
            options.add("-XX:+UseSerialGC");
            if (!setsHeapSize(inherited)) {
                options.add(FIRST_HEAP);
            }
        }
        return options;
    }

    private static boolean setsHeapSize(List<String> options) {
        for (String option : options) {
            if (option.startsWith("-Xms") || option.startsWith("-Xmx") || option.startsWith("-Xmn")) {
                return true;
            }
        }
        return false;
    }

    /** The archive for this JVM and jar: in {@code -Dllmbench.archive.dir}, beside the jar, or in the user's cache. */
    private static StartupArchive.Plan plan(StartupArchive.Jvm jvm, Path jar, Path explicit, Path cache, Path writable) {
        StartupArchive.JarState state = StartupArchive.JarState.of(jar).orElse(null);
        if (state == null) {
            return StartupArchive.Plan.none(StartupArchive.Kind.of(jvm.feature()));
        }
        List<Path> lookIn = new ArrayList<>();
        if (explicit != null) {
            lookIn.add(explicit);
        }
        lookIn.add(state.path().getParent());
        lookIn.add(cache);
        return StartupArchive.choose(jvm, state, lookIn, writable, ProcessHandle.current().pid());
    }

    /** The folder, made if missing, when this user can write into it; else null (no archive is made). */
    private static Path writable(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.isDirectory(dir) && Files.isWritable(dir) ? dir : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * An empty file the child deletes when it reaches main, in the user's own archive folder (a fixed name in a
     * shared temporary folder could be another user's link); null when none can be made (no check then).
     */
    private static Path startedFile(Path dir) {
        try {
            Path file = dir.resolve("started-".concat(Long.toString(ProcessHandle.current().pid())));
            Files.deleteIfExists(file);
            return Files.createFile(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            // A leftover empty file in the temporary folder.
        }
    }

    private static Path jar() {
        try {
            Path p = Path.of(Relaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") && Files.isRegularFile(p) ? p : null;
        } catch (Exception | LinkageError e) {
            return null;
        }
    }
}
