package org.llmbench.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The small real GGUF model of the team's shared folder ({@code shared/models/stories260K.gguf} beside the
 * project, or beside the folder of its worktrees), or the file {@code -Dllmbench.testModel} names. A clone
 * elsewhere has none: tests that need it are skipped and say why.
 */
public final class SharedModel {

    private static final Path RELATIVE = Path.of("shared", "models", "stories260K.gguf");

    private SharedModel() {
    }

    public static Optional<Path> find() {
        String given = System.getProperty("llmbench.testModel");
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given)).filter(Files::isRegularFile);
        }
        Path dir = Path.of("").toAbsolutePath().getParent();
        for (int up = 0; dir != null && up < 3; up++, dir = dir.getParent()) {
            Path model = dir.resolve(RELATIVE);
            if (Files.isRegularFile(model)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }

    /** Why a test that needs the model was skipped. */
    public static String absent() {
        return "no shared/models/stories260K.gguf beside the project (nor -Dllmbench.testModel): the real-model check"
                + " runs where the team's shared folder is";
    }
}
