package org.llmbench.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the jar again in a JVM with start-up settings that keep the harness out of the model's way, as a
 * manifest cannot set JVM options: C1 only ({@code -XX:TieredStopAtLevel=1}; C2's compiler threads took half of a
 * run's CPU, all of it from the model on a shared machine) and the AppCDS archive built next to the jar at package
 * time ({@code llm-bench.jsa}). Measured on the stand-in server (docs/PERFORMANCE.md), the relaunch costs far
 * less CPU than it saves. Not done when the JVM already has {@code -XX:} options (the user chose), when not
 * started from a jar, for {@code --help}/{@code --version}-like calls that are over at once, or with
 * {@code LLM_BENCH_RELAUNCH=0}.
 */
final class Relaunch {

    static final String MARKER = "llmbench.relaunched";

    private Relaunch() {
    }

    /** The child's exit code, or -1 when this JVM should run the command itself. */
    static int maybe(String[] args) {
        if (System.getProperty(MARKER) != null || "0".equals(System.getenv("LLM_BENCH_RELAUNCH"))
                || args.length == 0 || !args[0].equals("run") && !args[0].equals("smoke") && !args[0].equals("replay")) {
            return -1;
        }
        Path jar = jar();
        if (jar == null) {
            return -1;
        }
        List<String> inherited = ManagementFactory.getRuntimeMXBean().getInputArguments();
        // -XX: options are the user's choice; an agent (a debugger's port, a profiler) must not start twice.
        if (inherited.stream().anyMatch(a -> a.startsWith("-XX:") || a.startsWith("-agentlib") || a.startsWith("-javaagent")
                || a.startsWith("-agentpath"))) {
            return -1;
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(inherited);
        command.add("-XX:TieredStopAtLevel=1");
        Path archive = jar.resolveSibling("llm-bench.jsa");
        if (Files.isReadable(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
            // A jar rebuilt or moved since the archive was made only loses the archive; no warning for it.
            command.add("-Xlog:cds=off");
            command.add("-Xlog:cds+dynamic=off");
        }
        command.add("-D" + MARKER + "=1");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        try {
            Process child = new ProcessBuilder(command).inheritIO().start();
            Thread stop = new Thread(child::destroy, "llm-bench-relaunch-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            int code = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
            return code;
        } catch (Exception e) {
            return -1; // could not start it: run here, as before
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
