package org.llmbench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.llmbench.config.BenchConfig;
import org.llmbench.suite.PublicFormats;
import org.llmbench.suite.Suite;
import org.llmbench.suite.SuiteException;
import org.llmbench.suite.SuiteLoader;
import org.llmbench.suite.SuiteOrigin;

/**
 * The suites seen during one discovery: where each suite id lives, each file read once, and every
 * unreadable file reported once as a discovery issue naming file, line and field.
 */
final class SuiteCatalog {

    /** A suite read from its file, or why it could not be. */
    record Loaded(SuiteOrigin origin, Suite suite, SuiteException problem) {
    }

    private static final String CLASSPATH = "classpath:";
    private static final List<String> ENDINGS = java.util.stream.Stream.concat(Stream.of(".json"),
            PublicFormats.ENDINGS.stream()).toList();

    private final BenchConfig config;
    private final DiscoveryIssueReporter issues;
    private final Map<String, SuiteOrigin> known = new LinkedHashMap<>();
    private final Map<SuiteOrigin, Loaded> loaded = new HashMap<>();
    private org.llmbench.suite.PromptStyle style;

    SuiteCatalog(BenchConfig config, DiscoveryIssueReporter issues) {
        this.config = config;
        this.issues = issues;
    }

    /** The suite files under a root (a directory, or {@code classpath:<package>}), in name order. */
    List<SuiteOrigin> list(String root) {
        List<SuiteOrigin> origins = new ArrayList<>();
        Path dir = Path.of(root.startsWith(CLASSPATH) ? "\u0000" : root);
        if (!root.startsWith(CLASSPATH) && Files.isDirectory(dir)) {
            origins.addAll(listDirectory(dir));
        } else {
            String pkg = (root.startsWith(CLASSPATH) ? root.substring(CLASSPATH.length()) : root).replace('/', '.');
            List<String> inJar = inOneJar(pkg);
            (inJar != null ? inJar.stream()
                    : ReflectionSupport.findAllResourcesInPackage(pkg, r -> isSuiteFile(r.getName())).stream().map(r -> r.getName()))
                    .map(SuiteOrigin::ofResource)
                    .sorted(Comparator.comparing(SuiteOrigin::classpathResource))
                    .forEach(origins::add);
            if (origins.isEmpty()) {
                issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING,
                        "no suites found at '" + root + "' (neither a directory nor a classpath package with .json files)"));
            }
        }
        origins.forEach(o -> known.putIfAbsent(o.suiteId(), o));
        return origins;
    }

    /**
     * The suite files of a package that lives in exactly one jar (the bundled suites inside llm-bench.jar), read
     * from the jar's entry list; null when the package is anywhere else (directories, several roots), which JUnit's
     * class-path scanner then lists. The scanner opens the jar as a zip file system and walks it: about 75 ms of
     * every run's start for a 48 MB jar, against a few for reading its entry names.
     */
    static List<String> inOneJar(String pkg) {
        String prefix = pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/";
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : SuiteCatalog.class.getClassLoader();
        try {
            List<java.net.URL> roots = java.util.Collections.list(loader.getResources(prefix));
            if (prefix.isEmpty() || roots.size() != 1 || !"jar".equals(roots.get(0).getProtocol())) {
                return null;
            }
            java.net.JarURLConnection connection = (java.net.JarURLConnection) roots.get(0).openConnection();
            connection.setUseCaches(false);
            try (java.util.jar.JarFile jar = connection.getJarFile()) {
                return jar.stream().map(java.util.zip.ZipEntry::getName)
                        .filter(name -> name.startsWith(prefix) && !name.endsWith("/") && isSuiteFile(name)).toList();
            }
        } catch (IOException | ClassCastException | SecurityException e) {
            return null;
        }
    }

    /** The suite files in a directory, not recursive: a suite's id is its file name. */
    List<SuiteOrigin> listDirectory(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<SuiteOrigin> origins = files.filter(f -> isSuiteFile(f.getFileName().toString()) && Files.isRegularFile(f))
                    .sorted().map(SuiteOrigin::ofFile).toList();
            origins.forEach(o -> known.putIfAbsent(o.suiteId(), o));
            return origins;
        } catch (IOException e) {
            issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, "cannot list " + dir + ": " + e.getMessage()));
            return List.of();
        }
    }

    /** Where the suite with this id lives: seen already, else in the configured roots, else on the classpath. */
    Optional<SuiteOrigin> find(String suiteId) {
        SuiteOrigin seen = known.get(suiteId);
        if (seen != null) {
            return Optional.of(seen);
        }
        for (String root : config.suiteRoots()) {
            for (String ending : ENDINGS) {
                Path file = Path.of(root).resolve(suiteId + ending);
                if (!root.startsWith(CLASSPATH) && Files.isRegularFile(file)) {
                    return Optional.of(remember(SuiteOrigin.ofFile(file)));
                }
            }
        }
        String resource = "suites/" + suiteId + ".json";
        if (Thread.currentThread().getContextClassLoader().getResource(resource) != null) {
            return Optional.of(remember(SuiteOrigin.ofResource(resource)));
        }
        return Optional.empty();
    }

    Loaded load(SuiteOrigin origin) {
        return loaded.computeIfAbsent(origin, o -> {
            known.putIfAbsent(o.suiteId(), o);
            try {
                return new Loaded(o, SuiteLoader.load(o, promptStyle()), null);
            } catch (SuiteException e) {
                issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, "invalid suite: " + e.getMessage())
                        .source(Sources.of(o, e.line(), e.column())));
                return new Loaded(o, null, e);
            }
        });
    }

    /** The run's prompt format for public benchmark files; a method name that names none is reported once. */
    private org.llmbench.suite.PromptStyle promptStyle() {
        if (style == null) {
            for (String name : config.headlineMethods()) {
                if (org.llmbench.suite.ScoringMethod.of(name) == null) {
                    issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.ERROR, "bench.method: '" + name
                            + "' is none of " + org.llmbench.suite.ScoringMethod.names()));
                }
            }
            style = new org.llmbench.suite.PromptStyle(org.llmbench.suite.PromptStyle.Kind.of(config.promptFormat()),
                    config.shots(), config.headlineMethods());
        }
        return style;
    }

    /** Whether a suite id belongs to a selected phase (directories and entry classes expand only to those). */
    boolean selected(SuiteOrigin origin, List<String> phases) {
        return phases.contains("all") || phases.contains(origin.suiteId());
    }

    private SuiteOrigin remember(SuiteOrigin origin) {
        known.putIfAbsent(origin.suiteId(), origin);
        return origin;
    }

    /** A suite JSON file, or a public benchmark file read as it is ({@link PublicFormats}). */
    private static boolean isSuiteFile(String name) {
        return ENDINGS.stream().anyMatch(name::endsWith);
    }
}
