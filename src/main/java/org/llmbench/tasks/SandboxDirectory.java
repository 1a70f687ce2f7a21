package org.llmbench.tasks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A run's base directory: {@code work/} with the run's files (the child's working directory), the private root's
 * skeleton, and owners set so that a uid of its own can write in {@code work/} and nowhere else.
 */
final class SandboxDirectory {

    private SandboxDirectory() {
    }

    /** A new base directory for a run of {@code command} under {@code plan}; removed again if it cannot be completed. */
    static Path create(Map<String, String> files, SandboxPlan plan, Sandbox.Command command) throws IOException {
        Path base = Files.createTempDirectory("llm-bench-sandbox-");
        try {
            Path work = Files.createDirectory(base.resolve("work"));
            Files.createDirectory(base.resolve("root"));
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = work.resolve(f.getKey()).normalize();
                if (!file.startsWith(work)) {
                    throw new IOException("a sandbox file must stay in its directory: " + f.getKey());
                }
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
            }
            if (plan.namespaces()) {
                PrivateRoot.prepare(base, plan.uid(), command.runtimeHomes());
            }
            if (plan.uid() != null) {
                // The uid may pass through the base (private to the harness user by default) to its own directory.
                Files.setPosixFilePermissions(base, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
                giveTo(work, plan.uid());
            }
            return base;
        } catch (IOException | RuntimeException e) {
            TempDirs.delete(base);
            throw e;
        }
    }

    /** Makes the working directory and its files the run's uid's, so it can write there and nowhere else. */
    private static void giveTo(Path work, int uid) throws IOException {
        try (var paths = Files.walk(work)) {
            for (Path p : paths.toList()) {
                Files.setAttribute(p, "unix:uid", uid);
                Files.setAttribute(p, "unix:gid", uid);
            }
        }
    }
}
