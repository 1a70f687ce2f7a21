package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.launcher.TestIdentifier;
import org.llmbench.config.Constants;

class RunConsoleListenerTest {

    private final TestIdentifier engine = TestIdentifier.from(new EngineDescriptor(UniqueId.forEngine("llm-bench"), "llm-bench"));

    @Test
    void printsTheTableTheEngineReadFromTheLedgerWithoutReadingItAgain(@TempDir Path dir) throws Exception {
        // A ledger the console would reject, had it read it: the table printed must be the engine's.
        Path folder = Files.createDirectories(dir.resolve("run-1"));
        Files.writeString(folder.resolve("run.jsonl"), "not a ledger\n");
        String printed = printed(listener -> {
            listener.reportingEntryPublished(engine, ReportEntry.from(Constants.RUN_FOLDER_ENTRY, folder.toString()));
            listener.reportingEntryPublished(engine, ReportEntry.from(Map.of(Constants.SUMMARY_ENTRY,
                    "weighted total: 50.00 / 100 over 2 scored\n", Constants.TOTALS_ENTRY, "weighted total 50.00")));
            listener.testPlanExecutionFinished(null);
        });
        assertThat(printed).contains("[llm-bench] run -> " + folder, "weighted total: 50.00 / 100 over 2 scored",
                "[llm-bench] ledger: " + folder.resolve("run.jsonl"));
    }

    @Test
    void readsTheLedgerWhenTheEngineEndedWithoutATable(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("run-2"));
        Files.writeString(folder.resolve("run.jsonl"), "");
        String printed = printed(listener -> {
            listener.reportingEntryPublished(engine, ReportEntry.from(Constants.RUN_FOLDER_ENTRY, folder.toString()));
            listener.testPlanExecutionFinished(null);
        });
        assertThat(printed).contains("no question scored of 0 tests");
    }

    @Test
    void aTableForAnotherEngineIsNotThisRunsTable(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("run-3"));
        Files.writeString(folder.resolve("run.jsonl"), "");
        TestIdentifier other = TestIdentifier.from(new EngineDescriptor(UniqueId.forEngine("other"), "other"));
        String printed = printed(listener -> {
            listener.reportingEntryPublished(engine, ReportEntry.from(Constants.RUN_FOLDER_ENTRY, folder.toString()));
            listener.reportingEntryPublished(other, ReportEntry.from(Constants.SUMMARY_ENTRY, "forged table\n"));
            listener.testPlanExecutionFinished(null);
        });
        assertThat(printed).doesNotContain("forged table");
    }

    private static String printed(java.util.function.Consumer<RunConsoleListener> steps) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            steps.accept(new RunConsoleListener(new RunProgress(new PrintStream(new ByteArrayOutputStream()), false,
                    Long.MAX_VALUE, System::nanoTime)));
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
