package org.llmbench.footprint;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A short external command (a vendor's query tool): found on a given PATH, run with a deadline, its output capped. */
final class Command {

    private static final int MAX_OUTPUT = 64 * 1024;
    private static final long DEADLINE_S = 10;

    private Command() {
    }

    /** The executable {@code name} on {@code path} (a PATH value: folders joined by the platform's separator). */
    static Optional<Path> find(String name, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isBlank()) {
                continue;
            }
            Path candidate = Path.of(folder, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** What a run gave: its exit code and its output (stdout and stderr together). */
    record Output(int exitCode, String text) {
        List<String> lines() {
            return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }

        String firstLine() {
            return lines().isEmpty() ? "(no output)" : lines().get(0);
        }
    }

    /** Runs {@code command}; an exception says why it could not run or did not end in time. */
    static Output run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '/' ? "/dev/null" : "NUL"))).start();
        try (InputStream in = p.getInputStream()) {
            byte[] out = in.readNBytes(MAX_OUTPUT);
            if (!p.waitFor(DEADLINE_S, TimeUnit.SECONDS)) {
                throw new IOException(command.get(0) + " did not end within " + DEADLINE_S + " s");
            }
            return new Output(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            p.destroyForcibly();
        }
    }
}
