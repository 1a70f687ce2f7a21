package org.llmbench.tasks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What this machine offers the sandbox, probed once: the JDK running the harness, python3 (resolved to its real
 * interpreter, so no wrapper script such as a pyenv shim runs in the child), setsid, bash, setpriv, whether the
 * harness runs as root, and whether the private-root namespace script works here.
 */
public final class Toolchain {

    static final boolean HAS_SETSID = onPath("setsid");
    static final boolean HAS_BASH = onPath("bash");
    static final boolean HAS_SETPRIV = onPath("setpriv");
    static final boolean IS_ROOT = isRoot();
    static final boolean IS_LINUX = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux");
    private static volatile Python python;
    private static volatile Boolean namespaces;

    /** The real interpreter python3 runs and the installation it reads its standard library from. */
    record Python(String executable, Path home) {
    }

    private Toolchain() {
    }

    /** The {@code java} launcher of the JDK running the harness (the child uses the same JDK). */
    static String java() {
        return jdkTool("java");
    }

    /** The {@code javac} of the JDK running the harness. */
    static String javac() {
        return jdkTool("javac");
    }

    /** The JDK's home, which the child must be able to read. */
    static Path javaHome() {
        return realPath(Path.of(System.getProperty("java.home")));
    }

    /**
     * The class-data archive for {@code javac} that {@code mvn package} builds next to the jar
     * ({@code llm-bench-javac.jsa}): javac starts in 0.24 s instead of 0.40 s on the build machine. Empty when it
     * is not there (a run from {@code target/classes} before packaging), and, when the harness runs as root, when
     * others cannot read it: the sandbox may run javac as another user without a private root, and an archive it
     * cannot read must not change how the sandbox is built. A JVM that cannot use it (another JDK) ignores it.
     */
    static java.util.Optional<Path> javacArchive() {
        try {
            Path code = Path.of(Toolchain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path archive = code.getParent().resolve("llm-bench-javac.jsa");
            boolean usable = Files.isRegularFile(archive) && Files.isReadable(archive) && (!IS_ROOT || reachableByOthers(archive));
            return usable ? java.util.Optional.of(realPath(archive)) : java.util.Optional.empty();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static String jdkTool(String name) {
        Path tool = Path.of(System.getProperty("java.home"), "bin", name);
        return Files.isExecutable(tool) ? tool.toString() : name;
    }

    /** Whether a working python3 is on the PATH (it runs python3 once to find its real interpreter). */
    public static boolean hasPython() {
        return python() != null;
    }

    /** The real interpreter behind {@code python3}, or null when there is none. */
    static Python python() {
        Python known = python;
        if (known == null && onPath("python3")) {
            List<String> lines = output("python3", "-I", "-S", "-c", "import sys; print(sys.executable); print(sys.base_prefix)");
            if (lines.size() == 2 && !lines.get(0).isBlank() && Files.isExecutable(Path.of(lines.get(0)))) {
                known = new Python(realPath(Path.of(lines.get(0))).toString(), realPath(Path.of(lines.get(1))));
                python = known;
            }
        }
        return known;
    }

    /**
     * Whether the namespace layer works here: it runs {@code true} in a private root once ({@link PrivateRoot}).
     * Kernels, distributions and containers may forbid user, PID or mount namespaces; the sandbox then does
     * without this layer and says so.
     */
    static boolean hasNamespaces() {
        Boolean known = namespaces;
        if (known == null) {
            known = IS_LINUX && HAS_BASH && HAS_SETPRIV && onPath("unshare") && onPath("mount") && PrivateRoot.works();
            namespaces = known;
        }
        return known;
    }

    /** Whether every directory above {@code home} (and it) lets other users through, so a separate uid can run from it. */
    static boolean reachableByOthers(Path home) {
        for (Path p = realPath(home); p != null; p = p.getParent()) {
            try {
                if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return true;
    }

    static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> output(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of();
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).lines().toList() : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
