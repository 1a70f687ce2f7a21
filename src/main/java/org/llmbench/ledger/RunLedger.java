package org.llmbench.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.BenchKeys;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatRequest;
import org.llmbench.record.TestRef;
import org.llmbench.scoring.Score;

/**
 * The record of one run: opened by the engine when its execution begins, handed to every node through the
 * execution context, and finished and closed by the engine when its execution ends. Nothing static: two runs in
 * one JVM write two folders. Reopening an existing run id (resume) reads what earlier processes already scored,
 * so those tests are skipped, and every total at the end is derived from the whole ledger.
 */
public final class RunLedger implements AutoCloseable {

    /** Key of the reporting entry, on the engine's descriptor, that names the run folder (console, CLI). */
    public static final String FOLDER_ENTRY = "llm-bench.run_folder";

    /** Key of the reporting entry, beside {@link #FOLDER_ENTRY}, with the commands that resume this run. */
    public static final String RESUME_ENTRY = "llm-bench.resume";

    /** Key of the reporting entry, beside {@link #FOLDER_ENTRY}, with the tests planned, turns added at run time included. */
    public static final String PLANNED_ENTRY = "llm-bench.tests_planned";

    private static final String ALREADY_SCORED = "already scored in run ";

    private final PlannedRun plan;
    private final Path folder;
    private final LedgerWriter writer;
    private final Set<String> scoredBefore;
    private final Set<String> erroredBefore;
    private final boolean resumed;
    private final List<Map<String, ?>> phaseFigures = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Map<String, ?> modelDetails = Map.of();
    private final long startNanos = System.nanoTime();

    private RunLedger(PlannedRun plan, Path folder, LedgerWriter writer, Set<String> scoredBefore,
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
     * {@code run_start} event, and points {@code latest-run.txt} at the folder.
     */
    public static RunLedger open(PlannedRun plan) throws IOException {
        BenchConfig config = plan.config();
        Path folder = RunFolders.folder(config, plan.runId());
        Files.createDirectories(folder);
        Path file = folder.resolve("run.jsonl");
        Set<String> scored = new HashSet<>();
        Set<String> errored = new HashSet<>();
        if (Files.exists(file)) {
            LedgerReader.truncateTornTail(file);
            Map<String, Boolean> lastCallFailed = new HashMap<>();
            LedgerReader.forEach(file, event -> {
                String id = event.path("test_id").asText(null);
                if (id == null) {
                    return;
                }
                switch (event.path("event").asText()) {
                    case "call" -> lastCallFailed.put(id, event.hasNonNull("error_kind"));
                    case "score" -> scored.add(id);
                    default -> { }
                }
            });
            lastCallFailed.forEach((id, failed) -> {
                if (failed) {
                    errored.add(id);
                }
            });
        }
        boolean resumed = Files.exists(folder.resolve("manifest.json"));
        RunLedger ledger = new RunLedger(plan, folder, new LedgerWriter(file), Set.copyOf(scored), Set.copyOf(errored), resumed);
        try {
            ManifestWriter.write(folder, ledger, plan);
            writeHardware(folder);
            Map<String, Object> start = new LinkedHashMap<>();
            start.put("harness_version", ManifestWriter.harnessVersion());
            start.put("resumed", resumed);
            start.put("models", plan.models());
            start.put("suites", plan.suites());
            start.put("tests_planned", plan.testsPlanned());
            start.put("tests_added_at_run_time", plan.testsAtRunTime());
            if (plan.shard() != null) {
                start.put("shard", plan.shard().shard().toString());
                start.put("run_group", plan.shard().runGroup());
                start.put("units", plan.shard().units().size());
                start.put("run_units_planned", plan.shard().runUnits().size());
            }
            ledger.record("run_start", start);
            Files.createDirectories(config.out());
            Files.writeString(config.out().resolve(RunFolders.LATEST), folder.toAbsolutePath().toString());
        } catch (IOException | RuntimeException e) {
            ledger.close();
            throw e;
        }
        return ledger;
    }

    /** The hardware probe is a courtesy to the contributor: if it fails, the run goes on without it. */
    private static void writeHardware(Path folder) {
        try {
            HardwareWriter.writeIfAbsent(folder);
        } catch (IOException | RuntimeException e) {
            System.err.println("[llm-bench] could not write " + HardwareWriter.FILE + ": " + e);
        }
    }

    public String runId() {
        return plan.runId();
    }

    public Path folder() {
        return folder;
    }

    /** The commands that resume this run (Maven, then the jar), one per line. */
    public String resumeCommands() {
        return ReproduceCommand.maven(plan.config()) + " -D" + BenchKeys.RUN_ID.name() + "=" + plan.runId()
                + "\n" + ReproduceCommand.jar(plan.config()) + " --run-id " + plan.runId();
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

    /** Records one model call: the prompt, the raw output (and thinking), timings, tokens and any error. */
    public void recordCall(TestRef ref, ChatRequest request, CallResult r) {
        recordCall(ref, request, r, null);
    }

    /** Records one of several samples of a question's call, with its 0-based sample index. */
    public void recordCall(TestRef ref, ChatRequest request, CallResult r, Integer sample) {
        ObjectNode e = withRef(LedgerWriter.event("call"), ref);
        if (sample != null) {
            e.put("sample", sample);
        }
        var messages = e.putArray("messages");
        request.messages().forEach(m -> messages.addObject().put("role", m.role()).put("content", m.content()));
        e.put("raw_output", r.content());
        if (r.thinking() != null) {
            e.put("thinking", r.thinking());
        }
        e.put("error_kind", r.errorKind() == null ? null : r.errorKind().wireName());
        e.put("error", r.errorMessage());
        e.put("http_status", r.httpStatus());
        e.put("latency_ms", r.latencyMs());
        e.put("ttft_ms", r.ttftMs());
        e.put("prompt_tokens", r.promptTokens());
        e.put("completion_tokens", r.completionTokens());
        e.put("tokens_estimated", r.tokensEstimated());
        e.put("completion_tokens_per_s", r.completionTokensPerSecond());
        e.put("tpot_ms", r.tpotMs());
        if (r.tokenGaps() != null) {
            e.set("token_gaps_ms", JsonSupport.toTree(r.tokenGaps()));
        }
        e.put("streamed", r.streamed());
        e.put("server_completion_tokens_per_s", r.serverCompletionTokensPerSecond());
        e.put("finish_reason", r.finishReason());
        e.put("attempts", r.attempts());
        var waits = e.putArray("retry_waits_ms");
        r.retryWaitsMs().forEach(waits::add);
        e.set("server_timings", JsonSupport.toTree(r.serverTimings()));
        if (!r.implausible().isEmpty()) {
            // Figures that cannot be true, with their raw values: never among the counts, timings and speeds above.
            e.set("implausible", JsonSupport.toTree(r.implausible()));
        }
        e.put("chars_in", r.charsIn());
        e.put("chars_out", r.charsOut());
        if (r.server() != null) {
            // Which of several servers answered (bench.url=a,b); a run of one server has no such field.
            e.put("server", r.server());
        }
        writer.append(e);
    }

    /** Records a score with every check and its reason. */
    public void recordScore(TestRef ref, Score score, double weight, CallResult call) {
        recordScore(ref, score, weight, call, Map.of());
    }

    /**
     * Records a score with extra fields of its own, e.g. a generated task's {@code parse_ok}, {@code parse_retries}
     * and parsed output (which results.json reads), kept apart from the raw output of the call events.
     */
    public void recordScore(TestRef ref, Score score, double weight, CallResult call, Map<String, ?> details) {
        ObjectNode e = withRef(LedgerWriter.event("score"), ref);
        e.setAll(ScoreJson.of(score, weight));
        if (!details.isEmpty()) {
            e.setAll((ObjectNode) JsonSupport.toTree(details));
        }
        writer.append(e);
    }

    /** Records an event of the run's own (run_start, test_end, run_end, or a phase's figures). */
    public void record(String type, Map<String, ?> fields) {
        ObjectNode e = LedgerWriter.event(type);
        e.put("run_id", plan.runId());
        JsonNode tree = JsonSupport.toTree(fields);
        e.setAll((ObjectNode) tree);
        writer.append(e);
    }

    /** Records what a phase measured as a whole (a {@code phase_figures} event); the manifest gets them at the end too. */
    public void recordPhase(Map<String, ?> figures) {
        phaseFigures.add(figures);
        record("phase_figures", figures);
    }

    /**
     * Records what the server says about the run's models (a {@code model_details} event); the manifest gets it
     * at the end too, under {@code model_details}.
     */
    public void recordModelDetails(Map<String, ?> details) {
        modelDetails = Map.copyOf(details);
        record("model_details", Map.of("models", details));
    }

    /** Records how one test ended (successful, failed, aborted), with the first line of its message. */
    public void recordTestEnd(String testId, String status, String message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("test_id", testId);
        fields.put("status", status);
        if (message != null) {
            fields.put("message", message);
        }
        record("test_end", fields);
    }

    /** Records a test that did not run, and why (already scored in an earlier process, no python3...). */
    public void recordSkipped(String testId, String reason) {
        record("test_skipped", Map.of("test_id", testId, "reason", reason));
    }

    /** A container that fails (a broken suite, a failing phase) is part of what happened to the run. */
    public void recordContainerFailed(String testId, String message) {
        record("container_failed", Map.of("test_id", testId, "message", message == null ? "" : message));
    }

    /**
     * Ends the run: {@code run_end} with totals derived from the whole ledger, the end-of-run facts in the
     * manifest, then results.json, metadata.json, the leaderboard entry, report.md and run.md, all from the
     * same ledger. Returns those totals.
     */
    public RunSummary finish() throws IOException {
        long durationMs = (System.nanoTime() - startNanos) / 1_000_000;
        RunSummary summary = RunSummary.of(writer.file());
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("duration_ms", durationMs);
        end.put("tests", summary.statuses());
        end.putAll(summary.runEndTotals());
        record("run_end", end);
        ManifestWriter.addEndOfRunFacts(folder, List.copyOf(phaseFigures), modelDetails);
        RunReports.write(this, plan.config(), summary, plan.shard() == null);
        RunNotesWriter.write(folder, plan, durationMs);
        return summary;
    }

    Path ledgerFile() {
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

    private ObjectNode withRef(ObjectNode e, TestRef ref) {
        e.put("run_id", plan.runId());
        e.put("test_id", ref.testId());
        e.put("model", ref.model());
        e.put("suite", ref.suite());
        e.put("item", ref.item());
        e.put("category", ref.category());
        return e;
    }

}
