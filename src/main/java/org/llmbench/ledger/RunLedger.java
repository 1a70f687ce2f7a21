package org.llmbench.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.llmbench.config.BenchConfig;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatRequest;
import org.llmbench.scoring.Score;

/**
 * The ledger of the run in progress: the engine records each call and score here, the listener opens and
 * closes it. One run is active per JVM at a time; with no listener (e.g. EngineTestKit) records go nowhere.
 */
public final class RunLedger {

    private static final RunLedger DISABLED = new RunLedger(null, null, null, Set.of(), Set.of());
    private static volatile RunLedger active = DISABLED;

    private final String runId;
    private final Path folder;
    private final LedgerWriter writer;
    private final Set<String> scoredBefore;
    private final Set<String> erroredBefore;
    private final RunSummary summary = new RunSummary();
    private final List<Map<String, ?>> phaseFigures = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Map<String, ?> modelDetails = Map.of();
    private volatile boolean retryErrors;
    private boolean resumed;

    private RunLedger(String runId, Path folder, LedgerWriter writer, Set<String> scoredBefore, Set<String> erroredBefore) {
        this.runId = runId;
        this.folder = folder;
        this.writer = writer;
        this.scoredBefore = scoredBefore;
        this.erroredBefore = erroredBefore;
    }

    /** The active run's ledger, or a disabled one that records nothing. */
    public static RunLedger current() {
        return active;
    }

    /**
     * Opens (or, for a run id that exists, reopens) the run folder's ledger and makes it the active one.
     * Reopening reads what the earlier run already scored, so those tests are skipped.
     */
    static RunLedger open(String runId, Path folder, BenchConfig config) throws IOException {
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
        RunLedger ledger = new RunLedger(runId, folder, new LedgerWriter(file), Set.copyOf(scored), Set.copyOf(errored));
        ledger.retryErrors = config.retryErrors();
        ledger.resumed = Files.exists(folder.resolve("manifest.json"));
        active = ledger;
        return ledger;
    }

    public boolean enabled() {
        return writer != null;
    }

    public String runId() {
        return runId;
    }

    public Path folder() {
        return folder;
    }

    /** Why a test need not run again in this (resumed) run, if it need not. */
    public Optional<String> skipReason(String testId) {
        if (!scoredBefore.contains(testId)) {
            return Optional.empty();
        }
        if (retryErrors && erroredBefore.contains(testId)) {
            return Optional.empty();
        }
        return Optional.of("already scored in run " + runId);
    }

    /** Records one model call: the prompt, the raw output (and thinking), timings, tokens and any error. */
    public void recordCall(TestRef ref, ChatRequest request, CallResult r) {
        if (!enabled()) {
            return;
        }
        ObjectNode e = withRef(LedgerWriter.event("call"), ref);
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
        e.put("chars_in", r.charsIn());
        e.put("chars_out", r.charsOut());
        writer.append(e);
    }

    /** Records a score with every check and its reason, and adds it to the run's totals. */
    public void recordScore(TestRef ref, Score score, double weight, CallResult call) {
        recordScore(ref, score, weight, call, Map.of());
    }

    /**
     * Records a score with extra fields of its own, e.g. a generated task's {@code parse_ok}, {@code parse_retries}
     * and parsed output (which results.json reads), kept apart from the raw output of the call events.
     */
    public void recordScore(TestRef ref, Score score, double weight, CallResult call, Map<String, ?> details) {
        summary.add(ref, score.value(), score.passed(), weight, call != null && !call.ok(), call == null ? 0 : call.latencyMs());
        if (!enabled()) {
            return;
        }
        ObjectNode e = withRef(LedgerWriter.event("score"), ref);
        e.setAll(ScoreJson.of(score, weight));
        if (!details.isEmpty()) {
            e.setAll((ObjectNode) JsonSupport.toTree(details));
        }
        writer.append(e);
    }

    /** Records an event of the run's own (run_start, test_end, run_end, or a phase's figures). */
    public void record(String type, Map<String, ?> fields) {
        if (!enabled()) {
            return;
        }
        ObjectNode e = LedgerWriter.event(type);
        e.put("run_id", runId);
        JsonNode tree = JsonSupport.toTree(fields);
        e.setAll((ObjectNode) tree);
        writer.append(e);
    }

    /** Records what a phase measured as a whole (a {@code phase_figures} event); the manifest gets them at the end too. */
    public void recordPhase(Map<String, ?> figures) {
        if (!enabled()) {
            return;
        }
        phaseFigures.add(figures);
        record("phase_figures", figures);
    }

    List<Map<String, ?>> phaseFigures() {
        return List.copyOf(phaseFigures);
    }

    /**
     * Records what the server says about the run's models (a {@code model_details} event); the manifest gets it
     * at the end too, under {@code model_details}.
     */
    public void recordModelDetails(Map<String, ?> details) {
        if (!enabled()) {
            return;
        }
        modelDetails = Map.copyOf(details);
        record("model_details", Map.of("models", details));
    }

    Map<String, ?> modelDetails() {
        return modelDetails;
    }

    RunSummary summary() {
        return summary;
    }

    Path ledgerFile() {
        return writer.file();
    }

    /** Whether this run id had been started before (its folder has a manifest). */
    boolean resumed() {
        return resumed;
    }

    int scoredBeforeCount() {
        return scoredBefore.size();
    }

    /** Closes the ledger and deactivates it. */
    void close() {
        if (active == this) {
            active = DISABLED;
        }
        if (writer != null) {
            writer.close();
        }
    }

    private ObjectNode withRef(ObjectNode e, TestRef ref) {
        e.put("run_id", runId);
        e.put("test_id", ref.testId());
        e.put("model", ref.model());
        e.put("suite", ref.suite());
        e.put("item", ref.item());
        e.put("category", ref.category());
        return e;
    }

}
