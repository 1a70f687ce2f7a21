package org.llmbench.engine;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import io.qameta.allure.util.PropertiesUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.TestExecutionListener;

/**
 * Where Allure's results go: under the run's output folder ({@code <bench.out>/allure-results}), or, when
 * {@code allure.results.directory} is set as a system property (the Maven {@code bench} profile sets
 * {@code target/allure-results}, the CLI takes {@code -D allure.results.directory=...}), in that directory;
 * either way emptied of the previous run's results first, so it holds one run's results, never an unbounded
 * pile in the working directory. Not inside the run folder: that folder is what a contributor submits, and
 * Allure's results carry the host name. Registered as an execution listener ahead of Allure's own, so that Allure's listener,
 * which takes the global lifecycle when it is built, takes one whose writer follows the run.
 */
public final class AllureResultsLocation implements TestExecutionListener {

    /** Installs the run-following writer (once per JVM) when Allure is on the class path. */
    public AllureResultsLocation() {
        if (AllureRecorder.present()) {
            Installed.install();
        }
    }

    /** Sends what Allure writes from now on to the results directory of a run writing into {@code outFolder}. */
    static void startRun(Path outFolder) {
        if (AllureRecorder.present()) {
            Installed.WRITER.moveTo(outFolder);
        }
    }

    private static final class Installed {
        static final FollowingWriter WRITER = new FollowingWriter();
        private static boolean installed;

        static synchronized void install() {
            if (!installed) {
                installed = true;
                Allure.setLifecycle(new AllureLifecycle(WRITER));
            }
        }
    }

    /** A file-system writer whose directory is switched at the start of each recorded run. */
    private static final class FollowingWriter implements AllureResultsWriter {
        private volatile FileSystemResultsWriter target = new FileSystemResultsWriter(configured());
        private volatile Path directory = configured();

        static Path configured() {
            return Path.of(PropertiesUtils.loadAllureProperties().getProperty("allure.results.directory", "allure-results"));
        }

        synchronized void moveTo(Path outFolder) {
            String explicit = System.getProperty("allure.results.directory");
            Path dir = explicit != null && !explicit.isBlank() ? Path.of(explicit) : outFolder.resolve("allure-results");
            clearResults(dir);
            directory = dir;
            target = new FileSystemResultsWriter(dir);
        }

        Path directory() {
            return directory;
        }

        @Override
        public void write(TestResult result) {
            target.write(result);
        }

        @Override
        public void write(TestResultContainer container) {
            target.write(container);
        }

        @Override
        public void write(String source, InputStream attachment) {
            target.write(source, attachment);
        }

        /** Deletes Allure's own files of an earlier run (its history folder and anything else stay). */
        private static void clearResults(Path dir) {
            if (!Files.isDirectory(dir)) {
                return;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*{-result.json,-container.json,-attachment,-attachment.*,environment.properties,categories.json,executor.json}")) {
                for (Path f : files) {
                    if (Files.isRegularFile(f)) {
                        Files.deleteIfExists(f);
                    }
                }
            } catch (IOException e) {
                System.err.println("[llm-bench] could not clear the earlier Allure results in " + dir + ": " + e);
            }
        }
    }

    /** The directory Allure writes to now (tests). */
    static Path currentDirectory() {
        return AllureRecorder.present() ? Installed.WRITER.directory() : null;
    }
}
