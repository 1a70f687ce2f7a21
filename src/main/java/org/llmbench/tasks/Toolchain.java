package org.llmbench.tasks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What this machine offers the sandbox, probed once: the JDK running the harness, python3, setsid, bash, and
 * unprivileged user namespaces (for a read-only file system and no network around the child).
 */
public final class Toolchain {

    static final boolean HAS_SETSID = onPath("setsid");
    static final boolean HAS_BASH = onPath("bash");
    private static volatile Boolean python;
    private static volatile Boolean namespaces;

    private Toolchain() {
    }

    /** The {@code java} launcher of the JDK running the harness (the child uses the same JDK). */
    static String java() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }

    /** Whether a working python3 is on the PATH (it runs {@code python3 -I -c pass} once). */
    public static boolean hasPython() {
        Boolean known = python;
        if (known == null) {
            known = onPath("python3") && runs("python3", "-I", "-c", "pass");
            python = known;
        }
        return known;
    }

    /**
     * Whether {@code unshare} can give a child its own user, mount and network namespaces without privileges, and
     * bind-mount there (it runs {@code unshare --user --map-root-user --mount --net mount --bind TMP TMP} once).
     * Some kernels, distributions and containers forbid either; the sandbox then does without this layer.
     */
    static boolean hasNamespaces() {
        Boolean known = namespaces;
        if (known == null) {
            String tmp = System.getProperty("java.io.tmpdir");
            known = HAS_BASH && onPath("unshare") && onPath("mount")
                    && runs("unshare", "--user", "--map-root-user", "--mount", "--net", "mount", "--bind", tmp, tmp);
            namespaces = known;
        }
        return known;
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

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
