package org.llmbench.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Paths as a shared file may show them: relative to the working directory (the clone a run starts from) when
 * under it, {@code ~/...} when under the user's home, else relative to the working directory ({@code ../..}); never
 * absolute, so a run folder names no user name and no machine's layout. Forward slashes on every system.
 */
public final class SharedPaths {

    private SharedPaths() {
    }

    /** One path in its shared form; a relative path stays as it is. */
    public static String of(String path) {
        Path p;
        try {
            p = Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            return path;
        }
        if (!p.isAbsolute()) {
            return path;
        }
        p = p.normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("user.home", "")).toAbsolutePath().normalize();
        String shared;
        if (p.startsWith(cwd)) {
            shared = p.equals(cwd) ? "." : cwd.relativize(p).toString();
        } else if (home.getNameCount() > 0 && p.startsWith(home)) {
            shared = p.equals(home) ? "~" : "~/" + home.relativize(p);
        } else {
            try {
                shared = cwd.relativize(p).toString();
            } catch (IllegalArgumentException e) {
                // Another drive (Windows): no relative path exists; the name alone says what it was.
                shared = String.valueOf(p.getFileName());
            }
        }
        return shared.replace('\\', '/');
    }

    /** Settings by key name, those of keys that hold paths in their shared form. */
    static Map<String, Setting> settings(Map<String, Setting> effective) {
        Map<String, Setting> shared = new LinkedHashMap<>();
        effective.forEach((name, setting) -> shared.put(name, BenchKeys.byName(name).filter(Key::holdsPaths).isPresent()
                && setting.value() != null ? new Setting(list(setting.value()), setting.source()) : setting));
        return shared;
    }

    /** Each item of a comma list in its shared form. */
    public static String list(String paths) {
        return Arrays.stream(paths.split(",", -1)).map(String::trim).map(SharedPaths::of).collect(Collectors.joining(","));
    }
}
