package org.llmbench.tasks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The macOS boundary: the child runs under {@code sandbox-exec} with a deny-by-default profile. It may read the
 * system's own directories, the runtime's installation and its working directory, write only its working
 * directory (and {@code /dev/null}), start processes (each inherits the profile), and nothing else: no network, no
 * home directory, no other user's files, no IPC with system services beyond what the profile names.
 */
final class Seatbelt {

    static final boolean IS_MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");
    static final Path SANDBOX_EXEC = Path.of("/usr/bin/sandbox-exec");

    /** Read-only system paths every child needs (the dynamic linker cache, libraries, the shell). */
    private static final List<String> SYSTEM = List.of("/System", "/usr/lib", "/usr/share", "/usr/bin", "/bin",
            "/Library/Apple", "/private/etc", "/private/var/db/timezone", "/dev");

    private Seatbelt() {
    }

    /** Whether this machine has it: macOS with {@code sandbox-exec}. */
    static boolean available() {
        return IS_MAC && Files.isExecutable(SANDBOX_EXEC);
    }

    /** The profile for a child working in {@code work} and reading the runtimes (all real paths). */
    static String profile(Path work, List<Path> runtimeHomes) {
        StringBuilder p = new StringBuilder("""
                (version 1)
                (deny default)
                (allow process-fork)
                (allow process-exec)
                (allow signal (target same-sandbox))
                (allow sysctl-read)
                (allow file-read-metadata)
                (allow file-read* (literal "/"))
                """);
        p.append("(allow file-read*");
        SYSTEM.forEach(s -> p.append(" (subpath ").append(quote(s)).append(')'));
        for (Path home : runtimeHomes) {
            p.append(" (subpath ").append(quote(Toolchain.realPath(home).toString())).append(')');
        }
        p.append(")\n");
        p.append("(allow file-read* file-write* (subpath ").append(quote(work.toString())).append("))\n");
        p.append("(allow file-write-data (literal \"/dev/null\") (literal \"/dev/zero\"))\n");
        return p.toString();
    }

    /** {@code sandbox-exec -p <profile> <command...>}. */
    static List<String> wrap(Path work, List<Path> runtimeHomes, List<String> command) {
        List<String> argv = new ArrayList<>(List.of(SANDBOX_EXEC.toString(), "-p", profile(work, runtimeHomes)));
        argv.addAll(command);
        return argv;
    }

    /** A string literal of the profile language: quotes and backslashes escaped, control characters refused. */
    static String quote(String path) {
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a sandboxed path with a control character: " + path.replaceAll("\\p{Cntrl}", "?"));
        }
        return "\"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
