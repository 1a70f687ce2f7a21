package org.llmbench.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints where each llm-bench run goes and, when the test plan ends, its summary table. Only console output
 * belongs here: the engine itself writes the run folder, and the table is read back from the ledger, so the
 * console says exactly what the run's files say. Registered through ServiceLoader (Surefire, IDEs, the CLI).
 */
public final class RunConsoleListener implements TestExecutionListener {

    private final List<Path> folders = new ArrayList<>();

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        String folder = entry.getKeyValuePairs().get(RunLedger.FOLDER_ENTRY);
        if (folder != null) {
            synchronized (folders) {
                folders.add(Path.of(folder));
            }
            System.out.println("[llm-bench] run -> " + folder);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        List<Path> finished;
        synchronized (folders) {
            finished = List.copyOf(folders);
            folders.clear();
        }
        for (Path folder : finished) {
            Path ledger = folder.resolve("run.jsonl");
            if (!Files.isRegularFile(ledger)) {
                continue;
            }
            try {
                System.out.println();
                System.out.print(RunSummary.of(ledger).table());
                System.out.println("[llm-bench] ledger: " + ledger);
                System.out.println("[llm-bench] report: " + folder.resolve(MarkdownReport.FILE));
            } catch (IOException | RuntimeException e) {
                System.err.println("[llm-bench] cannot read the run's ledger " + ledger + ": " + e);
            }
        }
    }
}
