package org.llmbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The files of a run folder as check-submission may read them: found without following any symbolic link, and
 * read as bounded streams. A link (to a file or a folder), a special file (pipe, socket, device) and a file over
 * {@link #MAX_BYTES} are findings, and nothing of them is ever opened: a link out of the folder cannot make the
 * check read a system file, a pipe cannot block it, and a sparse 3 GB file cannot exhaust the memory.
 */
final class SubmissionFiles {

    /**
     * The most bytes of one file that is read: 64 MiB. GitHub warns about files over 50 MB and refuses those over
     * 100 MB, a reviewer cannot read more, and a full run's ledger (every phase, raw answers included) is a few MB.
     */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    private final Path folder;
    private final TreeMap<String, Path> regular = new TreeMap<>();
    private final List<Finding> findings = new ArrayList<>();

    private SubmissionFiles(Path folder) {
        this.folder = folder;
    }

    /** Walks the folder; its own findings (links, special files, files over the cap) are in {@link #findings()}. */
    static SubmissionFiles of(Path folder) throws IOException {
        SubmissionFiles files = new SubmissionFiles(folder);
        if (Files.isSymbolicLink(folder)) {
            files.findings.add(new Finding(".", 0, "symlink", "the run folder itself is a symbolic link: copy the real "
                    + "folder into place; nothing it points at was read"));
            return files;
        }
        // No FOLLOW_LINKS: a link is visited as a file with link attributes and never entered or opened.
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                files.visit(file, attributes);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                files.findings.add(new Finding(files.name(file), 0, "unreadable", String.valueOf(e.getMessage())));
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private void visit(Path file, BasicFileAttributes attributes) {
        String name = name(file);
        if (attributes.isSymbolicLink()) {
            findings.add(new Finding(name, 0, "symlink", "a symbolic link: replace it with the file itself or remove "
                    + "it; nothing it points at was read"));
        } else if (!attributes.isRegularFile()) {
            findings.add(new Finding(name, 0, "special-file", "not a regular file (a pipe, socket or device): remove it"));
        } else if (attributes.size() > MAX_BYTES) {
            findings.add(tooLarge(name, attributes.size()));
        } else {
            regular.put(name, file);
        }
    }

    private static Finding tooLarge(String name, long size) {
        return new Finding(name, 0, "too-large", (size > MAX_BYTES ? size + " bytes" : "more than " + MAX_BYTES + " bytes")
                + ": over the " + MAX_BYTES / (1024 * 1024) + " MiB a submitted file may have; it was not read");
    }

    /** The name of a file relative to the folder, with forward slashes. */
    String name(Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    /** Findings of the walk. */
    List<Finding> findings() {
        return findings;
    }

    /** Names of the regular files within the cap, sorted. */
    List<String> names() {
        return List.copyOf(regular.keySet());
    }

    /** Whether the folder holds this regular file (not a link) within the cap. */
    boolean has(String name) {
        return regular.containsKey(name);
    }

    /**
     * Hands each line of the file (split at line feeds only, malformed UTF-8 replaced) with its 1-based number to
     * {@code lines}, read as a stream: only one line is held at a time, never the file. Stops after the cap (a
     * file that grew past it since the walk is a finding); false when the folder holds no such readable file.
     */
    boolean forEachLine(String name, java.util.function.ObjIntConsumer<String> lines) {
        Path file = regular.get(name);
        if (file == null) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
             java.io.Reader reader = new java.io.InputStreamReader(capped(in), StandardCharsets.UTF_8)) {
            char[] block = new char[1 << 16];
            StringBuilder line = new StringBuilder();
            int number = 0;
            for (int read; (read = reader.read(block)) > 0; ) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (block[i] == '\n') {
                        line.append(block, start, i - start);
                        lines.accept(line.toString(), ++number);
                        line.setLength(0);
                        start = i + 1;
                    }
                }
                line.append(block, start, read - start);
            }
            lines.accept(line.toString(), ++number);
            return true;
        } catch (TooLarge e) {
            regular.remove(name);
            findings.add(tooLarge(name, -1));
        } catch (IOException e) {
            regular.remove(name);
            findings.add(new Finding(name, 0, "unreadable", String.valueOf(e.getMessage())));
        }
        return false;
    }

    /** Thrown by a {@link #capped} stream past the cap. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** The stream, failing with {@link TooLarge} once more than {@link #MAX_BYTES} have been read. */
    private static InputStream capped(InputStream in) {
        return new java.io.FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) throws TooLarge {
                count += n;
                if (count > MAX_BYTES) {
                    throw new TooLarge();
                }
            }
        };
    }

    /**
     * The file's text (malformed UTF-8 replaced), read through a stream that stops after the cap; empty when the
     * folder holds no such readable file, or when it grew past the cap since the walk (then a finding says so).
     */
    Optional<String> text(String name) {
        Path file = regular.get(name);
        if (file == null) {
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            regular.remove(name);
            findings.add(new Finding(name, 0, "unreadable", String.valueOf(e.getMessage())));
            return Optional.empty();
        }
        if (bytes.length > MAX_BYTES) {
            regular.remove(name);
            findings.add(tooLarge(name, -1));
            return Optional.empty();
        }
        return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }
}
