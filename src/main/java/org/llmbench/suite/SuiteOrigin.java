package org.llmbench.suite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a suite was read from: a file on disk or a classpath resource (exactly one of the two). */
public record SuiteOrigin(Path file, String classpathResource) {

    /** A suite file on disk. */
    public static SuiteOrigin ofFile(Path file) {
        return new SuiteOrigin(file.toAbsolutePath().normalize(), null);
    }

    /** A suite inside the classpath, e.g. {@code suites/5q.json}. */
    public static SuiteOrigin ofResource(String resource) {
        return new SuiteOrigin(null, resource.startsWith("/") ? resource.substring(1) : resource);
    }

    public boolean isFile() {
        return file != null;
    }

    /** The suite's bytes: the file, or the resource through the thread's context class loader. */
    public InputStream open() throws IOException {
        if (isFile()) {
            return Files.newInputStream(file);
        }
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(classpathResource);
        if (in == null) {
            throw new IOException("no such classpath resource");
        }
        return in;
    }

    /** The suite id: the file name without {@code .json}; it is the {@code [suite:...]} segment of unique ids. */
    public String suiteId() {
        String name = isFile() ? file.getFileName().toString() : classpathResource.substring(classpathResource.lastIndexOf('/') + 1);
        for (String ending : PublicFormats.ENDINGS) {
            if (name.endsWith(ending) && name.length() > ending.length()) {
                return name.substring(0, name.length() - ending.length());
            }
        }
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    /** A short, human-readable location for messages: a path relative to the working directory when possible. */
    public String display() {
        if (!isFile()) {
            return "classpath:" + classpathResource;
        }
        Path cwd = Path.of("").toAbsolutePath();
        return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
    }
}
