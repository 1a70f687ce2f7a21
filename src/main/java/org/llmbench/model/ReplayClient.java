package org.llmbench.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.llmbench.json.Json;
import org.llmbench.record.Message;
import org.llmbench.record.RecordReader;
import org.llmbench.record.RunEvent;
import org.llmbench.record.TestRef;

/**
 * Answers from a saved run.jsonl instead of a server, so today's scorers can re-score old outputs without
 * any network. A call is matched on the test its request belongs to (its unique id, then model/suite/item: the
 * n-th call of a test gets the test's n-th recorded call), else on model and the exact messages; what cannot be
 * matched is a {@link ErrorKind#NOT_REPLAYABLE} result, never a guess.
 */
public final class ReplayClient implements ModelClient {

    private final Path ledger;
    private final Map<String, List<RunEvent.Call>> byTestId = new HashMap<>();
    private final Map<String, List<RunEvent.Call>> byItem = new HashMap<>();
    private final Map<String, RunEvent.Call> byMessages = new HashMap<>();
    private final LinkedHashSet<String> models = new LinkedHashSet<>();
    /** How many calls each test has made so far in this replay. */
    private final Map<String, AtomicInteger> callsMade = new ConcurrentHashMap<>();

    /** Reads the ledger once; a missing or unreadable file is an error of the configuration, reported at once. */
    public ReplayClient(Path ledger) {
        this.ledger = ledger;
        Map<String, List<RunEvent.Call>> pending = new HashMap<>();
        Map<String, List<RunEvent.Call>> scored = new HashMap<>();
        try {
            // Lines that are no event (a torn last line of a killed run) are skipped by the reader.
            RecordReader.forEach(ledger, e -> {
                if (e instanceof RunEvent.Call call) {
                    pending.computeIfAbsent(call.testId(), k -> new ArrayList<>()).add(call);
                } else if (e instanceof RunEvent.Score score) {
                    // A test's calls are those since its previous score: a resumed or retried test keeps its last try.
                    List<RunEvent.Call> calls = pending.remove(score.testId());
                    if (calls != null) {
                        scored.put(score.testId(), calls);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the replay ledger " + ledger, e);
        }
        pending.forEach(scored::putIfAbsent);
        scored.forEach((id, calls) -> {
            RunEvent.Call first = calls.get(0);
            TestRef ref = first.ref();
            models.add(ref.model());
            byTestId.put(id, calls);
            byItem.put(itemKey(ref.model(), ref.suite(), ref.item()), calls);
            calls.forEach(c -> byMessages.put(messagesKey(c.ref().model(), c.messages()), c));
        });
    }

    @Override
    public CallResult chat(ChatRequest request) {
        Object found = recorded(request);
        return found instanceof RunEvent.Call call ? restore(call) : (CallResult) found;
    }

    /**
     * Re-scores a question asked by log-likelihood from the letters' recorded log-likelihoods: the winner is chosen
     * again here, not read from the record. A recorded chat call for the question is not replayable by this method.
     */
    @Override
    public LogprobResult logprobs(LogprobRequest request) {
        ChatRequest asChat = new ChatRequest(request.model(), request.asMessages(), null, null, request.test());
        Object found = recorded(asChat);
        if (!(found instanceof RunEvent.Call call)) {
            return LogprobResult.failed((CallResult) found);
        }
        CallResult restored = restore(call);
        if (call.logprobs() == null) {
            return call.failed() ? LogprobResult.failed(restored) : LogprobResult.failed(notReplayable(asChat,
                    "the ledger holds a chat answer for this question, not log-probabilities (it ran by another method)"));
        }
        LetterLogprobs letters = new LetterLogprobs(call.logprobs().letters(), call.logprobs().topK(), call.logprobs().requests());
        String chosen = letters.chosen();
        CallResult rescored = new CallResult(chosen == null ? "" : chosen, null, null, null, restored.httpStatus(),
                restored.latencyMs(), restored.ttftMs(), restored.promptTokens(), restored.completionTokens(),
                restored.tokensEstimated(), restored.finishReason(), restored.attempts(), restored.retryWaitsMs(),
                restored.serverTimings(), restored.charsIn(), chosen == null ? 0 : chosen.length(), null, false, null,
                restored.implausible());
        return new LogprobResult(rescored, letters, false);
    }

    /** The recorded call that answers a request, or the not-replayable result that says why there is none. */
    private Object recorded(ChatRequest request) {
        TestRef test = request.test();
        RunEvent.Call recorded;
        if (test != null && test.model().equals(request.model())) {
            List<RunEvent.Call> calls = byTestId.get(test.testId());
            if (calls == null) {
                calls = byItem.get(itemKey(test.model(), test.suite(), test.item()));
            }
            int n = callsMade.computeIfAbsent(test.testId(), k -> new AtomicInteger()).getAndIncrement();
            if (calls == null) {
                return notReplayable(request, "no call of " + test.model() + "/" + test.suite() + "/" + test.item() + " in " + ledger);
            }
            if (n >= calls.size()) {
                return notReplayable(request, "the ledger holds " + calls.size() + " call(s) of this test, this is call " + (n + 1));
            }
            recorded = calls.get(n);
            if (!sameMessages(recorded.messages(), request.messages())) {
                return notReplayable(request, "the prompt differs from the one recorded in " + ledger);
            }
        } else {
            recorded = byMessages.get(messagesKey(request.model(), request.messages().stream()
                    .map(m -> new Message(m.role(), m.content())).toList()));
            if (recorded == null) {
                return notReplayable(request, "no call of " + request.model() + " with this prompt in " + ledger);
            }
        }
        return recorded;
    }

    /** The call as it was recorded, figures included, so a replay reproduces the run's latencies and errors. */
    static CallResult restore(RunEvent.Call c) {
        ErrorKind kind = null;
        String message = c.error();
        if (c.errorKind() != null) {
            try {
                kind = ErrorKind.valueOf(c.errorKind().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                kind = ErrorKind.PROTOCOL;
                message = "recorded error kind '" + c.errorKind() + "': " + message;
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> timings = c.serverTimings() != null && c.serverTimings().isObject()
                ? Json.MAPPER.convertValue(c.serverTimings(), Map.class) : Map.of();
        TokenGaps gaps = c.tokenGaps() == null ? null
                : new TokenGaps(c.tokenGaps().tokens(), c.tokenGaps().p50Ms(), c.tokenGaps().p90Ms(), c.tokenGaps().maxMs());
        List<Implausible> implausible = c.implausible().stream().map(i -> new Implausible(i.figure(), i.raw(), i.why())).toList();
        return new CallResult(c.rawOutput(), c.thinking(), kind, message, c.httpStatus(), c.latencyMs(), c.ttftMs(),
                c.promptTokens(), c.completionTokens(), c.tokensEstimated(), c.finishReason(), Math.max(1, c.attempts()),
                c.retryWaitsMs(), timings, c.charsIn(), c.charsOut(), gaps, c.streamed(), null, implausible,
                c.toolCalls() == null ? null : new ToolCalls(c.toolCalls().calls().stream()
                        .map(t -> new ToolCall(t.id(), t.name(), t.arguments())).toList(),
                        c.toolCalls().dropped(), c.toolCalls().problem()));
    }

    private static CallResult notReplayable(ChatRequest request, String why) {
        return CallResult.failure(new CallFailure(ErrorKind.NOT_REPLAYABLE, why), 0, 1, List.of(), request.charsIn());
    }

    private static boolean sameMessages(List<Message> recorded, List<ChatMessage> messages) {
        if (recorded.size() != messages.size()) {
            return false;
        }
        for (int i = 0; i < messages.size(); i++) {
            if (!messages.get(i).role().equals(recorded.get(i).role())
                    || !messages.get(i).content().equals(recorded.get(i).content())) {
                return false;
            }
        }
        return true;
    }

    private static String messagesKey(String model, List<Message> messages) {
        StringBuilder sb = new StringBuilder(model);
        messages.forEach(m -> sb.append('\u0000').append(m.role()).append('\u0001').append(m.content()));
        return sb.toString();
    }

    private static String itemKey(String model, String suite, String item) {
        return model + '\u0000' + suite + '\u0000' + item;
    }

    @Override
    public List<String> listModels() {
        return List.copyOf(models);
    }

    @Override
    public String provider() {
        return "replay";
    }
}
