package org.llmbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.llmbench.config.Constants;
import org.llmbench.config.TerminalText;
import org.llmbench.report.MarkdownReport;
import org.llmbench.report.RunSummary;

/**
 * The console side of a run: where it goes, progress while it runs (an updating line on a terminal, a plain line
 * every few seconds under Maven or in a log), the command that resumes it if the JVM is interrupted, and the
 * summary table at the end. Only console output belongs here: the engine itself writes the run folder, and the
 * table is the one the engine read from the ledger (handed over in a reporting entry; read from the ledger here
 * when an engine ended without one), so the console says exactly what the run's files say.
 * Registered through ServiceLoader (Surefire, IDEs, the CLI).
 */
public final class RunConsoleListener implements TestExecutionListener {

    private static final String ENGINE_PREFIX = "[engine:llm-bench]";
    private static final long PLAIN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final List<Path> folders = new ArrayList<>();
    /** Each engine's run folder, and the summary table each run ended with (both guarded by {@code folders}). */
    private final Map<String, Path> folderOfEngine = new HashMap<>();
    private final Map<Path, String> tables = new HashMap<>();
    private final RunProgress progress;
    private volatile Thread interruptHint;

    public RunConsoleListener() {
        this(new RunProgress(System.out, System.console() != null, PLAIN_INTERVAL_NANOS, System::nanoTime));
    }

    RunConsoleListener(RunProgress progress) {
        this.progress = progress;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        progress.planned(plan.getRoots().stream().filter(r -> r.getUniqueId().equals(ENGINE_PREFIX))
                .mapToLong(r -> plan.getDescendants(r).stream().filter(TestIdentifier::isTest).count()).sum());
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        Map<String, String> pairs = entry.getKeyValuePairs();
        String table = pairs.get(Constants.SUMMARY_ENTRY);
        if (table != null) {
            synchronized (folders) {
                Path ended = folderOfEngine.get(id.getUniqueId());
                if (ended != null) {
                    tables.put(ended, table);
                }
            }
            return;
        }
        String folder = pairs.get(Constants.RUN_FOLDER_ENTRY);
        if (folder == null) {
            return;
        }
        // The engine's plan counts the turns an append phase adds as it runs; the test plan cannot know them.
        java.util.Optional.ofNullable(pairs.get(Constants.PLANNED_ENTRY)).map(Long::parseLong).ifPresent(progress::total);
        synchronized (folders) {
            folders.add(Path.of(folder));
            folderOfEngine.put(id.getUniqueId(), Path.of(folder));
        }
        System.out.println("[llm-bench] run -> " + folder);
        String resume = pairs.get(Constants.RESUME_ENTRY);
        if (resume != null) {
            Thread hint = new Thread(() -> System.err.println("\n[llm-bench] interrupted; nothing scored is lost. "
                    + "Resume with:\n  " + resume.replace("\n", "\n  ")), "llm-bench-resume-hint");
            try {
                Runtime.getRuntime().addShutdownHook(hint);
                interruptHint = hint;
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting: nothing to add.
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest() && id.getUniqueId().startsWith(ENGINE_PREFIX)) {
            progress.ended(shortName(id.getUniqueId()), "skipped");
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest() && id.getUniqueId().startsWith(ENGINE_PREFIX)) {
            progress.ended(shortName(id.getUniqueId()), result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                    ? "passed" : result.getStatus().name().toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        progress.end();
        Thread hint = interruptHint;
        interruptHint = null;
        if (hint != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hint);
            } catch (IllegalStateException shuttingDown) {
                // Exiting anyway.
            }
        }
        List<Path> finished;
        Map<Path, String> ended;
        synchronized (folders) {
            finished = List.copyOf(folders);
            ended = Map.copyOf(tables);
            folders.clear();
            folderOfEngine.clear();
            tables.clear();
        }
        for (Path folder : finished) {
            Path ledger = folder.resolve("run.jsonl");
            if (!Files.isRegularFile(ledger)) {
                continue;
            }
            try {
                System.out.println();
                String table = ended.get(folder);
                System.out.print(TerminalText.escapeKeepingLines(table != null ? table : RunSummary.of(ledger).table()));
                System.out.println("[llm-bench] ledger: " + ledger);
                System.out.println("[llm-bench] report: " + folder.resolve(MarkdownReport.FILE));
            } catch (IOException | RuntimeException e) {
                System.err.println("[llm-bench] cannot read the run's ledger " + ledger + ": " + e);
            }
        }
    }

    /** model/suite/item: the unique id without its engine segment. */
    static String shortName(String uniqueId) {
        List<String> values = new ArrayList<>();
        UniqueId.parse(uniqueId).getSegments().stream().skip(1).forEach(s -> values.add(s.getValue()));
        return String.join("/", values);
    }
}
