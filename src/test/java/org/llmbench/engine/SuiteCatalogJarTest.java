package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.commons.support.Resource;

/** Suites in a jar are listed from its entry names, the same list JUnit's class-path scanner gives. */
class SuiteCatalogJarTest {

    @Test
    void aPackageInOneJarListsTheSameSuiteFilesAsTheClassPathScanner(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("suites.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("bundled/", "bundled/a.json", "bundled/b.json", "bundled/notes.txt", "bundled/deeper/",
                    "bundled/deeper/c.json", "other/d.json")) {
                out.putNextEntry(new JarEntry(name));
                if (!name.endsWith("/")) {
                    out.write("{}".getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Thread.currentThread().setContextClassLoader(loader);
            List<String> fast = SuiteCatalog.inOneJar("bundled");
            List<String> scanned = ReflectionSupport.findAllResourcesInPackage("bundled", r -> r.getName().endsWith(".json"))
                    .stream().map(Resource::getName).toList();

            assertThat(fast).containsExactlyInAnyOrder("bundled/a.json", "bundled/b.json", "bundled/deeper/c.json");
            assertThat(fast).containsExactlyInAnyOrderElementsOf(scanned);
            assertThat(SuiteCatalog.inOneJar("missing")).as("a package in no jar is left to the scanner").isNull();
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @Test
    void aPackageInADirectoryIsLeftToTheScanner() {
        // The test classes' own package is a directory on this class path.
        assertThat(SuiteCatalog.inOneJar("org.llmbench.engine")).isNull();
    }
}
