package org.llmbench.footprint;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import oshi.SystemInfo;
import oshi.software.os.InternetProtocolStats;
import oshi.software.os.OSProcess;

/**
 * Processes of this machine as the footprint needs them: which one listens on a TCP port (the local model server),
 * and its resident memory. On Linux from {@code /proc} (the listening socket's inode in {@code net/tcp} and
 * {@code net/tcp6}, then the process whose {@code fd} links to {@code socket:[inode]}; {@code VmRSS} of its status):
 * a few small files, cheap enough to read every second. Elsewhere (macOS, Windows) through OSHI, which asks the system
 * the same without root for the user's own processes. The {@code /proc} root is a collaborator so tests give a fake.
 */
final class ProcessTable {

    private static final String LISTEN = "0A";

    private final Path proc;
    private final boolean linux;

    ProcessTable(Path proc, boolean linux) {
        this.proc = proc;
        this.linux = linux;
    }

    /** This machine's table: {@code /proc} on Linux, OSHI elsewhere. */
    static ProcessTable system() {
        return new ProcessTable(Path.of("/proc"), System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"));
    }

    /** The process listening on {@code port} (any local address), or why none was found. */
    Found listener(int port) {
        if (!linux) {
            return oshiListener(port);
        }
        List<Long> inodes = new ArrayList<>();
        for (String table : List.of("net/tcp", "net/tcp6")) {
            try {
                for (String line : Files.readAllLines(proc.resolve(table))) {
                    String[] f = line.trim().split("\\s+");
                    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                    if (f.length > 9 && f[3].equals(LISTEN) && f[1].endsWith(String.format(Locale.ROOT, ":%04X", port))) {
                        inodes.add(Long.parseLong(f[9]));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // one table missing (no IPv6) leaves the other
            }
        }
        if (inodes.isEmpty()) {
            return new Found(null, "no process listens on TCP port " + port + " here (a server in a container or VM "
                    + "shows its own memory only)");
        }
        boolean denied = false;
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path pid : pids) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(pid.resolve("fd"))) {
                    for (Path fd : fds) {
                        String link = readLink(fd);
                        for (long inode : inodes) {
                            if (link.equals("socket:[" + inode + "]")) {
                                return new Found(Long.parseLong(pid.getFileName().toString()), null);
                            }
                        }
                    }
                } catch (AccessDeniedException e) {
                    denied = true;
                } catch (IOException e) {
                    // a process that ended meanwhile
                }
            }
        } catch (IOException e) {
            return new Found(null, "cannot list " + proc + ": " + e.getMessage());
        }
        return new Found(null, "a socket listens on TCP port " + port + " but its process is not readable"
                + (denied ? " (another user's: run llm-bench as that user, or as root)" : ""));
    }

    private static String readLink(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    private static Found oshiListener(int port) {
        try {
            InternetProtocolStats stats = new SystemInfo().getOperatingSystem().getInternetProtocolStats();
            for (InternetProtocolStats.IPConnection c : stats.getConnections()) {
                if (c.getLocalPort() == port && c.getState() == InternetProtocolStats.TcpState.LISTEN) {
                    return c.getowningProcessId() >= 0 ? new Found((long) c.getowningProcessId(), null)
                            : new Found(null, "the system does not say which process listens on TCP port " + port
                                    + " (another user's process)");
                }
            }
            return new Found(null, "no process listens on TCP port " + port + " here");
        } catch (RuntimeException | LinkageError e) {
            return new Found(null, "the system's connection table is not readable (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The resident memory of {@code pid} in bytes, or empty when it has ended or cannot be read. */
    OptionalLong rssBytes(long pid) {
        if (!linux) {
            try {
                OSProcess p = new SystemInfo().getOperatingSystem().getProcess((int) pid);
                return p == null ? OptionalLong.empty() : OptionalLong.of(p.getResidentSetSize());
            } catch (RuntimeException | LinkageError e) {
                return OptionalLong.empty();
            }
        }
        return statusKb(proc.resolve(Long.toString(pid)).resolve("status"), "VmRSS:");
    }

    /** This JVM's resident memory in bytes, or empty when it cannot be read. */
    OptionalLong selfRssBytes() {
        return rssBytes(ProcessHandle.current().pid());
    }

    private static OptionalLong statusKb(Path status, String field) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field)) {
                    return OptionalLong.of(Long.parseLong(line.substring(field.length()).replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** A process found, or why none was. */
    record Found(Long pid, String reason) {
    }
}
