package org.llmbench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.llmbench.config.PlannedRun;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.BenchKeys;
import org.llmbench.json.Json;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatRequest;
import org.llmbench.record.HardwareWriter;
import org.llmbench.record.RecordReader;
import org.llmbench.record.RecordWriter;
import org.llmbench.record.RunEvent;
import org.llmbench.record.RunFolders;
import org.llmbench.record.ShardPart;
import org.llmbench.record.Stamp;
import org.llmbench.record.TestRef;
import org.llmbench.record.TestStatus;
import org.llmbench.scoring.Score;

/**
 * The record of one run: opened by the engine when its execution begins, handed to every node through the
 * execution context, and finished and closed by the engine when its execution ends. Nothing static: two runs in
 * one JVM write two folders. Reopening an existing run id (resume) reads what earlier processes already scored,
 * so those tests are skipped, and every total at the end is derived from the whole ledger.
 */
final class RunLedger implements AutoCloseable {

    private static final String ALREADY_SCORED = "already scored in run ";

    private final java.util.Set<String> notices = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final PlannedRun plan;
    private final Path folder;
    private final RecordWriter writer;
    private final Set<String> scoredBefore;
    private final Set<String> erroredBefore;
    private final boolean resumed;
    private final List<RunEvent.PhaseFigures> phaseFigures = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<RunEvent.Footprint> footprints = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile JsonNode modelDetails;
    private final long startNanos = System.nanoTime();

    private RunLedger(PlannedRun plan, Path folder, RecordWriter writer, Set<String> scoredBefore,
                      Set<String> erroredBefore, boolean resumed) {
        this.plan = plan;
        this.folder = folder;
        this.writer = writer;
        this.scoredBefore = scoredBefore;
        this.erroredBefore = erroredBefore;
        this.resumed = resumed;
    }

    /**
     * Opens (or, for a run id that exists, reopens) the run folder, writes manifest.json, hardware.json and the
     * {@code run_start} event, and points {@code latest-run.txt} at the folder; {@code problems} hears of what went
     * wrong without stopping the run (a hardware probe that failed).
     */
    public static RunLedger open(PlannedRun plan, Consumer<String> problems) throws IOException {
        BenchConfig config = plan.config();
        Path folder = RunFolders.folder(config.out(), config.handle(), config.device(), plan.runId());
        Files.createDirectories(folder);
        Path file = folder.resolve(RunFolders.LEDGER);
        Set<String> scored = new HashSet<>();
        Set<String> errored = new HashSet<>();
        RecordWriter writer = RecordWriter.append(file);
        try {
            Map<String, Boolean> lastCallFailed = new HashMap<>();
            RecordReader.forEach(file, event -> {
                if (event instanceof RunEvent.Call call) {
                    lastCallFailed.put(call.testId(), call.failed());
                } else if (event instanceof RunEvent.Score score) {
                    scored.add(score.testId());
                }
            });
            lastCallFailed.forEach((id, failed) -> {
                if (failed) {
                    errored.add(id);
                }
            });
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
        boolean resumed = Files.exists(folder.resolve(RunFolders.MANIFEST));
        RunLedger ledger = new RunLedger(plan, folder, writer, Set.copyOf(scored), Set.copyOf(errored), resumed);
        try {
            ManifestWriter.write(folder, ledger.runId(), resumed, ledger.scoredBeforeCount(), plan);
            writeHardware(folder, problems);
            ShardPart part = plan.shard() == null ? null : new ShardPart(plan.shard().shard().toString(),
                    plan.shard().runGroup(), plan.shard().units().size(), plan.shard().runUnits().size());
            ledger.record(new RunEvent.RunStart(ledger.stamp(), ManifestWriter.harnessVersion(), resumed, plan.models(),
                    plan.suites(), plan.testsPlanned(), plan.testsAtRunTime(), part, null));
            Files.createDirectories(config.out());
            Files.writeString(config.out().resolve(RunFolders.LATEST), folder.toAbsolutePath().toString());
        } catch (IOException | RuntimeException e) {
            ledger.close();
            throw e;
        }
        return ledger;
    }

    /** The hardware probe is a courtesy to the contributor: if it fails, the run goes on without it. */
    private static void writeHardware(Path folder, Consumer<String> problems) {
        try {
            HardwareWriter.writeIfAbsent(folder);
        } catch (IOException | RuntimeException e) {
            problems.accept("[llm-bench] could not write " + HardwareWriter.FILE + ": " + e);
        }
    }

    /** True the first time this process of the run gives the notice {@code key} (a fallback is said once, not per question). */
    boolean firstNotice(String key) {
        return notices.add(key);
    }

    public String runId() {
        return plan.runId();
    }

    public Path folder() {
        return folder;
    }

    /** What the engine planned: the settings, models, suites and lanes this run records. */
    public PlannedRun plan() {
        return plan;
    }

    /** Why a test need not run again in this (resumed) run, if it need not. */
    public Optional<String> skipReason(String testId) {
        if (!scoredBefore.contains(testId)) {
            return Optional.empty();
        }
        if (plan.config().retryErrors() && erroredBefore.contains(testId)) {
            return Optional.empty();
        }
        return Optional.of(ALREADY_SCORED + plan.runId());
    }

    /**
     * Appends one event to the record, as one line; a phase's figures and the models' details are kept for the
     * manifest's end-of-run facts too.
     */
    public void record(RunEvent event) {
        if (event instanceof RunEvent.PhaseFigures figures) {
            phaseFigures.add(figures);
        } else if (event instanceof RunEvent.ModelDetails details) {
            modelDetails = details.models();
        } else if (event instanceof RunEvent.Footprint footprint) {
            footprints.add(footprint);
        }
        writer.write(event);
    }

    /**
     * Ends the record, the one call the engine makes at the end before the reports are written from it: {@code run_end}
     * (its totals derived from the whole ledger by the reports' summary, so the record and every report agree), then
     * the manifest's end-of-run facts.
     */
    public void end(RunEvent.RunEnd runEnd) throws IOException {
        record(runEnd);
        ManifestWriter.addEndOfRunFacts(folder, List.copyOf(phaseFigures), modelDetails, List.copyOf(footprints));
    }

    /** Milliseconds since the record was opened. */
    public long durationMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** A stamp of this run, now. */
    public Stamp stamp() {
        return Stamp.now(plan.runId());
    }

    /** The record's JSONL file, which the reports read. */
    public Path file() {
        return writer.file();
    }

    /** Whether this run id had been started before (its folder has a manifest). */
    public boolean resumed() {
        return resumed;
    }

    /** How many tests earlier processes of this run already scored (they are skipped). */
    public int scoredBeforeCount() {
        return scoredBefore.size();
    }

    @Override
    public void close() {
        writer.close();
    }

}
