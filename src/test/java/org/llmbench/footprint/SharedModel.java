package org.llmbench.footprint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The team's shared stories260K.gguf, found in a {@code shared/models} folder beside the checkout or above it. */
final class SharedModel {

    private SharedModel() {
    }

    static Optional<Path> stories260K() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/models/stories260K.gguf");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
