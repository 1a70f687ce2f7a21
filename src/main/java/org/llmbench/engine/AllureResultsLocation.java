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

    /**
     * Sends what Allure writes from now on to the results directory of a run writing into {@code outFolder}: the
     * engine's {@link AllureRun} calls this when its first test is recorded. The writer is found through Allure's
     * own (global) lifecycle, so a caller that installed another lifecycle (a test) keeps it untouched.
     */
    static void startRun(Path outFolder) {
        following().ifPresent(writer -> writer.moveTo(outFolder));
    }

    /** The run-following writer, when the lifecycle Allure uses now is the one installed here. */
    private static java.util.Optional<FollowingWriter> following() {
        return AllureRecorder.present() && Allure.getLifecycle() instanceof FollowingLifecycle lifecycle
                ? java.util.Optional.of(lifecycle.writer) : java.util.Optional.empty();
    }

    /** Allure's lifecycle with the writer that follows the run, so the writer can be found through Allure. */
    private static final class FollowingLifecycle extends AllureLifecycle {
        private final FollowingWriter writer;

        FollowingLifecycle(FollowingWriter writer) {
            super(writer);
            this.writer = writer;
        }
    }

    /** Once per JVM, as Allure's lifecycle is one per JVM: a later launcher must not replace a caller's own lifecycle. */
    private static final class Installed {
        private static boolean installed;

        static synchronized void install() {
            if (!installed) {
                installed = true;
                Allure.setLifecycle(new FollowingLifecycle(new FollowingWriter()));
            }
        }
    }

    /** Files are written in the background while a test plan runs. */
    @Override
    public void testPlanExecutionStarted(org.junit.platform.launcher.TestPlan testPlan) {
        following().ifPresent(writer -> writer.background(true));
    }

    /**
     * Writes what is still queued, and what Allure's own listener writes after this one (the plan's containers)
     * is written at once: a caller may delete the directory as soon as the plan has finished (a test's temp dir).
     */
    @Override
    public void testPlanExecutionFinished(org.junit.platform.launcher.TestPlan testPlan) {
        following().ifPresent(writer -> writer.background(false));
    }

    /**
     * A file-system writer whose directory is switched at the start of each recorded run. While a test plan runs,
     * files are written on one background thread: creating five or six files per question took about 3 ms between
     * two calls (JFR, 200 calls against the stand-in server), time in which the model sat idle, and a third of the
     * harness's CPU while a real llama-server ran 20 calls (async-profiler). The queue is drained at the end of the
     * test plan (writing at once from then on), before a directory switch, and at JVM exit.
     */
    private static final class FollowingWriter implements AllureResultsWriter {
        private static final int QUEUED_FILES = 600;
        private volatile FileSystemResultsWriter target = new FileSystemResultsWriter(configured());
        private volatile Path directory = configured();
        /**
         * One writer thread at the lowest priority ({@link YieldingThreads}): it writes on CPU time the model leaves
         * idle. The queue is bounded (about 100 questions' files) so a writer starved by a busy model cannot pile up
         * results in memory; when it is full, the test's own thread writes.
         */
        private final java.util.concurrent.ThreadPoolExecutor queue = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0,
                java.util.concurrent.TimeUnit.MILLISECONDS, new java.util.concurrent.ArrayBlockingQueue<>(QUEUED_FILES),
                YieldingThreads.named("llm-bench-allure-writer"), new java.util.concurrent.ThreadPoolExecutor.CallerRunsPolicy());

        FollowingWriter() {
            Runtime.getRuntime().addShutdownHook(new Thread(this::flush, "llm-bench-allure-flush"));
        }

        /**
         * Writes what is queued on the calling thread (at its own priority: nobody waits on a starved writer), then
         * waits (at most 30 s) for the file the writer thread may be writing.
         */
        void flush() {
            try {
                Runnable next;
                while ((next = queue.getQueue().poll()) != null) {
                    next.run();
                }
                queue.submit(() -> { }).get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.RejectedExecutionException | java.util.concurrent.ExecutionException
                     | java.util.concurrent.TimeoutException e) {
                BenchConsole.STANDARD.problem("[llm-bench] Allure results may be incomplete: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private volatile boolean background;

        /** Switches background writing on, or off after draining the queue. */
        void background(boolean on) {
            if (!on) {
                background = false;
                flush();
            } else {
                background = true;
            }
        }

        private void later(java.util.function.Consumer<FileSystemResultsWriter> write) {
            FileSystemResultsWriter now = target;
            if (!background) {
                write.accept(now);
                return;
            }
            queue.execute(() -> {
                try {
                    write.accept(now);
                } catch (RuntimeException e) {
                    BenchConsole.STANDARD.problem("[llm-bench] could not write an Allure result: " + e);
                }
            });
        }

        static Path configured() {
            return Path.of(PropertiesUtils.loadAllureProperties().getProperty("allure.results.directory", "allure-results"));
        }

        synchronized void moveTo(Path outFolder) {
            flush();
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
            later(w -> w.write(result));
        }

        /**
         * Only a container that holds fixtures: Allure's JUnit Platform listener writes one per test and per
         * container, and the report reads containers for their befores and afters alone (allure2's Allure2Plugin),
         * which the engine never has. That was one file in six per question, and creating a file costs about
         * 0.65 ms of CPU on the build machine.
         */
        @Override
        public void write(TestResultContainer container) {
            if (holds(container.getBefores()) || holds(container.getAfters())) {
                later(w -> w.write(container));
            }
        }

        private static boolean holds(java.util.List<?> fixtures) {
            return fixtures != null && !fixtures.isEmpty();
        }

        /**
         * Attachments are read now (the stream may be the caller's) and written later. Allure's writer refuses to
         * overwrite; the engine's run files rely on that refusal reaching it, so those (no uuid prefix) stay synchronous.
         */
        @Override
        public void write(String source, InputStream attachment) {
            if (!source.contains("-attachment")) {
                flush();
                target.write(source, attachment);
                return;
            }
            byte[] bytes;
            try {
                bytes = attachment.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            later(w -> w.write(source, new java.io.ByteArrayInputStream(bytes)));
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
                BenchConsole.STANDARD.problem("[llm-bench] could not clear the earlier Allure results in " + dir + ": " + e);
            }
        }
    }

    /** The directory the run-following writer writes to now; null when Allure writes elsewhere (or is absent). */
    static Path currentDirectory() {
        return following().map(FollowingWriter::directory).orElse(null);
    }
}
