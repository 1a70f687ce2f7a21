package org.llmbench.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.llmbench.record.RunEvent;

/**
 * The reporting entries JUnit tools keep (IDEs, EngineTestKit, Surefire's XML through {@link ReportEntryPrinter}):
 * each scored test's score with the figures of the call it scored, and each phase's figures as JSON on its
 * container. A test scored from its container's one call (a part of the whole-suite answer) shows that call.
 */
final class ReportEntryRecorder implements RunRecorder {

    private final EngineExecutionListener listener;
    private final TestDescriptor root;
    /** The tree's nodes by unique id, so an entry finds its node at once; turns, made as they run, are looked up. */
    private final Map<String, TestDescriptor> nodes = new ConcurrentHashMap<>();
    /** The last call of each test (and container) not yet scored: what its score entry shows. */
    private final Map<String, RunEvent.Call> calls = new ConcurrentHashMap<>();

    ReportEntryRecorder(EngineExecutionListener listener, TestDescriptor root) {
        this.listener = listener;
        this.root = root;
        root.getDescendants().forEach(d -> nodes.put(d.getUniqueId().toString(), d));
    }

    @Override
    public void record(RunEvent event) {
        if (event instanceof RunEvent.Call call) {
            calls.put(call.testId(), call);
        } else if (event instanceof RunEvent.Score score) {
            RunEvent.Call call = calls.remove(score.testId());
            publish(score.testId(), ReportEntry.from(entry(score, call != null ? call : containerCall(score.testId()))));
        } else if (event instanceof RunEvent.TestEnd end) {
            calls.remove(end.testId());
        } else if (event instanceof RunEvent.PhaseFigures phase) {
            publish(phase.testId(), ReportEntry.from(PhaseRecorder.ENTRY_KEY, PhaseRecorder.entryJson(phase)));
        }
    }

    /** The call of the nearest container above the test that made one, if any. */
    private RunEvent.Call containerCall(String testId) {
        UniqueId id = UniqueId.parse(testId);
        while (id.getSegments().size() > 1) {
            id = id.removeLastSegment();
            RunEvent.Call call = calls.get(id.toString());
            if (call != null) {
                return call;
            }
        }
        return null;
    }

    private void publish(String testId, ReportEntry entry) {
        TestDescriptor node = nodes.get(testId);
        Optional<? extends TestDescriptor> descriptor = node != null ? Optional.of(node) : root.findByUniqueId(UniqueId.parse(testId));
        descriptor.ifPresent(d -> listener.reportingEntryPublished(d, entry));
    }

    /** Score and pass mark, then what the call measured: latency, tokens, speeds, errors, attempts. */
    static Map<String, String> entry(RunEvent.Score score, RunEvent.Call call) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("score", String.valueOf(score.score()));
        entry.put("pass_mark", String.valueOf(score.passMark()));
        if (call != null) {
            entry.put("latency_ms", String.valueOf(call.latencyMs()));
            put(entry, "ttft_ms", call.ttftMs());
            put(entry, "tpot_ms", format(call.tpotMs()));
            if (call.tokenGaps() != null) {
                entry.put("token_gap_p50_ms", format(call.tokenGaps().p50Ms()));
                entry.put("token_gap_p90_ms", format(call.tokenGaps().p90Ms()));
                entry.put("token_gap_max_ms", format(call.tokenGaps().maxMs()));
            }
            put(entry, "prompt_tokens", call.promptTokens());
            put(entry, "completion_tokens", call.completionTokens());
            put(entry, "completion_tokens_per_s", format(call.completionTokensPerS()));
            put(entry, "server_completion_tokens_per_s", format(call.serverCompletionTokensPerS()));
            put(entry, "finish_reason", call.finishReason());
            if (call.tokensEstimated()) {
                entry.put("tokens_estimated", "true");
            }
            put(entry, "error_kind", call.errorKind());
            entry.put("attempts", String.valueOf(call.attempts()));
            if (!call.retryWaitsMs().isEmpty()) {
                entry.put("retry_waits_ms", call.retryWaitsMs().toString());
            }
        }
        if (score.task() != null) {
            entry.put("parse_ok", String.valueOf(score.task().parseOk()));
            entry.put("parse_retries", String.valueOf(score.task().parseRetries()));
        }
        return entry;
    }

    private static String format(Double value) {
        return value == null ? null : String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private static void put(Map<String, String> entry, String key, Object value) {
        if (value != null) {
            entry.put(key, value.toString());
        }
    }
}
