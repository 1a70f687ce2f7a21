package org.llmbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

/**
 * The class-data archive that fits the running JDK (docs/PERFORMANCE.md, "Start-up"): which kind it is, where it
 * lives, and the JVM flags that use it or make it. An archive is named after the jar's path, size and time and the
 * JDK's home and version, so a name found is one this JVM can map: any other jar build or JDK has another name,
 * and a JVM handed a damaged one silently starts without it (the flags switch its log off).
 */
final class StartupArchive {

    /** The JVM the jar runs on: its feature version ({@code 17}, {@code 25}), full runtime version and home. */
    record Jvm(int feature, String runtimeVersion, Path home) {
        static Jvm current() {
            // java.specification.version is the feature version ("17", "25") since JDK 9; Runtime.version() parses with a regex.
            return new Jvm(Integer.parseInt(System.getProperty("java.specification.version")),
                    System.getProperty("java.runtime.version", ""), Path.of(System.getProperty("java.home")));
        }
    }

    /** The jar as it is now: a rebuilt or moved jar gets another archive. */
    record JarState(Path path, long size, long modifiedMillis) {
        static Optional<JarState> of(Path jar) {
            try {
                Path real = jar.toRealPath();
                return Optional.of(new JarState(real, Files.size(real), Files.getLastModifiedTime(real).toMillis()));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    /** The kind of archive a JDK can make and use, by its feature version. */
    enum Kind {
        /** JDK 17-18: a dynamic AppCDS archive, written when the first run's JVM exits ({@code -XX:ArchiveClassesAtExit}). */
        CDS_AT_EXIT(".jsa"),
        /** JDK 19-24: a dynamic CDS archive the JVM writes, checks and rewrites itself ({@code -XX:+AutoCreateSharedArchive}). */
        CDS_AUTO(".jsa"),
        /**
         * JDK 25 and later: an AOT cache (JEP 483, 514, 515): classes loaded and linked and method profiles, recorded by
         * the first run ({@code -XX:AOTMode=record}) and assembled after it ({@code -XX:AOTMode=create}).
         */
        AOT_CACHE(".aot");

        private final String extension;

        Kind(String extension) {
            this.extension = extension;
        }

        static Kind of(int feature) {
            return feature >= 25 ? AOT_CACHE : feature >= 19 ? CDS_AUTO : CDS_AT_EXIT;
        }

        /** Log tags that would report a missing, stale or foreign archive: off, as the JVM then just starts without it. */
        List<String> quiet() {
            return this == AOT_CACHE ? List.of("-Xlog:aot=off", "-Xlog:cds=off")
                    : List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
    }

    /**
     * What to add to the child JVM's command line, and what to do once it has exited: {@code made} is the file the
     * run writes (a temporary name beside {@code target}), null when the archive is only used or made in place.
     */
    record Plan(Kind kind, List<String> flags, Path target, Path made) {
        static Plan none(Kind kind) {
            return new Plan(kind, List.of(), null, null);
        }
    }

    private StartupArchive() {
    }

    /**
     * The archive's file name: {@code llm-bench-<jar path>-<jar, JDK>.<ext>}, two CRC-32C values in hex (no
     * cryptographic hash: loading a security provider would cost the start this saves). The first part lets a
     * new archive replace the ones an older build of the same jar left.
     */
    static String fileName(Jvm jvm, JarState jar) {
        String state = new StringBuilder().append(jar.path()).append('\n').append(jar.size()).append('\n').append(jar.modifiedMillis())
                .append('\n').append(jvm.home()).append('\n').append(jvm.runtimeVersion()).toString();
        return new StringBuilder("llm-bench-").append(crc(jar.path().toString())).append('-').append(crc(state))
                .append(Kind.of(jvm.feature()).extension).toString();
    }

    /**
     * The per-user cache of this JDK's archives: {@code $XDG_CACHE_HOME/llm-bench/<runtime version>}, by default
     * {@code ~/.cache/llm-bench/<runtime version>}; one folder per JDK, so deleting one clears that JDK's archives.
     */
    static Path cacheDirectory(Jvm jvm, String xdgCacheHome, String userHome) {
        Path root = xdgCacheHome != null && !xdgCacheHome.isBlank() && Path.of(xdgCacheHome).isAbsolute()
                ? Path.of(xdgCacheHome) : Path.of(userHome, ".cache");
        StringBuilder folder = new StringBuilder();
        for (char c : jvm.runtimeVersion().toCharArray()) {
            folder.append(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '+' || c == '-' ? c : '_');
        }
        return root.resolve("llm-bench").resolve(folder.toString());
    }

    /**
     * The flags for this run. An archive with this JVM's and jar's name in one of {@code lookIn} (beside the jar,
     * where {@code mvn package} made it, or the cache) is used; otherwise, when {@code createIn} is a writable
     * folder, this run makes one there; otherwise none.
     */
    static Plan choose(Jvm jvm, JarState jar, List<Path> lookIn, Path createIn, long pid) {
        Kind kind = Kind.of(jvm.feature());
        String name = fileName(jvm, jar);
        for (Path dir : lookIn) {
            Path found = dir.resolve(name);
            if (Files.isRegularFile(found) && Files.isReadable(found)) {
                return new Plan(kind, use(kind, found), found, null);
            }
        }
        if (createIn == null) {
            return Plan.none(kind);
        }
        Path target = createIn.resolve(name);
        Path made = createIn.resolve(new StringBuilder(name).append('.').append(pid).append(".tmp").toString());
        List<String> flags = new ArrayList<>();
        switch (kind) {
            case CDS_AT_EXIT -> flags.add(flag("-XX:ArchiveClassesAtExit=", made));
            case CDS_AUTO -> {
                // The JVM makes (and, should it not fit, remakes) the file itself at exit.
                flags.add("-XX:+AutoCreateSharedArchive");
                flags.add(flag("-XX:SharedArchiveFile=", target));
                made = null;
            }
            case AOT_CACHE -> {
                flags.add("-XX:AOTMode=record");
                flags.add(flag("-XX:AOTConfiguration=", configuration(made)));
                // The recording JVM prints "AOTConfiguration recorded: ..." on stdout at exit, outside any log tag.
                flags.add("-XX:+UnlockDiagnosticVMOptions");
                flags.add("-XX:-DisplayVMOutput");
            }
            default -> throw new IllegalStateException(kind.name());
        }
        flags.addAll(kind.quiet());
        return new Plan(kind, List.copyOf(flags), target, made);
    }

    /** The flags that map an archive made before. */
    static List<String> use(Kind kind, Path archive) {
        List<String> flags = new ArrayList<>();
        flags.add(flag(kind == Kind.AOT_CACHE ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=", archive));
        flags.addAll(kind.quiet());
        return List.copyOf(flags);
    }

    /**
     * The command that assembles an AOT cache from the first run's recording, with that run's JVM options (an AOT
     * cache fits only JVMs started with compatible ones) and class path.
     */
    static List<String> assembleCommand(Path java, List<String> jvmOptions, Plan plan, Path jar) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:AOTMode=create",
                flag("-XX:AOTConfiguration=", configuration(plan.made())), flag("-XX:AOTCache=", plan.made())));
        command.addAll(plan.kind().quiet());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", jar.toString()));
        return command;
    }

    /**
     * After the run: puts what it made in place under the archive's name (a rename, so a concurrent run sees a
     * whole file or none) and deletes what older builds of the jar left there. Whatever fails, the next run only
     * starts without an archive, and tries again.
     */
    static void finish(Plan plan, Path java, List<String> jvmOptions, Path jar) {
        if (plan.made() == null) {
            return;
        }
        try {
            if (plan.kind() == Kind.AOT_CACHE && Files.isRegularFile(configuration(plan.made()))) {
                Process assemble = new ProcessBuilder(assembleCommand(java, jvmOptions, plan, jar))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                boolean assembled = assemble.waitFor(5, TimeUnit.MINUTES) && assemble.exitValue() == 0;
                if (!assembled) {
                    assemble.destroyForcibly();
                    Files.deleteIfExists(plan.made());
                }
            }
            if (Files.isRegularFile(plan.made()) && Files.size(plan.made()) > 0) {
                Files.move(plan.made(), plan.target(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                removeOlderBuilds(plan.target());
            }
        } catch (IOException | RuntimeException e) {
            // Not made this time: the next run starts without an archive and makes it again.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteQuietly(plan.made());
            deleteQuietly(configuration(plan.made()));
        }
    }

    /** Deletes what a run that never started left. */
    static void discard(Plan plan) {
        if (plan.made() != null) {
            deleteQuietly(plan.made());
            deleteQuietly(configuration(plan.made()));
        }
    }

    /** Everything but {@code archive} whose name starts with the same jar path's part: older builds' archives, leftovers. */
    private static void removeOlderBuilds(Path archive) {
        String name = archive.getFileName().toString();
        String samePath = name.substring(0, name.lastIndexOf('-') + 1);
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(archive.getParent(), samePath.concat("*"))) {
            for (Path sibling : siblings) {
                if (!sibling.getFileName().toString().equals(name)) {
                    deleteQuietly(sibling);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Left for the next archive made to remove.
        }
    }

    private static Path configuration(Path made) {
        return made.resolveSibling(made.getFileName().toString().concat(".aotconf"));
    }

    /**
     * {@code -XX:NAME=} and a path, without {@code +} on strings: the relaunching JVM runs this once, and its first
     * {@code +} would bootstrap invokedynamic's string concatenation (about 15 ms of CPU) for nothing else.
     */
    private static String flag(String option, Path path) {
        return option.concat(path.toString());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            // A leftover temporary file; removed with the next archive made in this folder.
        }
    }

    private static String crc(String text) {
        CRC32C crc = new CRC32C();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        String hex = Long.toHexString(crc.getValue());
        return "00000000".substring(hex.length()).concat(hex);
    }
}
