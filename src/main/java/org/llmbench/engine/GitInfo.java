package org.llmbench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the checked-out commit from .git without starting a process (git may not be installed). */
final class GitInfo {

    private GitInfo() {
    }

    static Optional<String> headSha(Path start) {
        try {
            Path dir = start.toAbsolutePath();
            while (dir != null && !Files.isDirectory(dir.resolve(".git"))) {
                dir = dir.getParent();
            }
            if (dir == null) {
                return Optional.empty();
            }
            Path git = dir.resolve(".git");
            String head = Files.readString(git.resolve("HEAD")).trim();
            if (!head.startsWith("ref: ")) {
                return Optional.of(head);
            }
            String ref = head.substring(5);
            Path loose = git.resolve(ref);
            if (Files.exists(loose)) {
                return Optional.of(Files.readString(loose).trim());
            }
            Path packed = git.resolve("packed-refs");
            if (Files.exists(packed)) {
                return Files.readAllLines(packed).stream().filter(l -> l.endsWith(" " + ref))
                        .map(l -> l.substring(0, l.indexOf(' '))).findFirst();
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
