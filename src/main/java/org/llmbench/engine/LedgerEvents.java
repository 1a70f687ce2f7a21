package org.llmbench.engine;

import java.util.List;
import org.llmbench.json.Json;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatRequest;
import org.llmbench.model.LetterLogprobs;
import org.llmbench.record.CheckStatus;
import org.llmbench.record.RunEvent;
import org.llmbench.record.Stamp;
import org.llmbench.record.TestRef;
import org.llmbench.scoring.Check;
import org.llmbench.scoring.Score;

/**
 * The engine's results as run events: a model call, a score, a phase's figures. The record sits below the model
 * and scoring packages, so the conversion from their types lives here, on the recorder's side.
 */
final class LedgerEvents {

    private LedgerEvents() {
    }

    /** A model call as the event the engine emits (engine.Recording) and the ledger writes. */
    public static RunEvent.Call call(Stamp stamp, TestRef ref, ChatRequest request, CallResult r, Integer sample) {
        return call(stamp, ref, request, r, sample, null);
    }

    /** A model call with, for a question asked by log-likelihood, each letter's log-likelihood (else null). */
    static RunEvent.Call call(Stamp stamp, TestRef ref, ChatRequest request, CallResult r, Integer sample, LetterLogprobs letters) {
        List<RunEvent.Call.Message> messages = request.messages().stream()
                .map(m -> new RunEvent.Call.Message(m.role(), m.content())).toList();
        RunEvent.Call.TokenGaps gaps = r.tokenGaps() == null ? null : new RunEvent.Call.TokenGaps(r.tokenGaps().tokens(),
                r.tokenGaps().p50Ms(), r.tokenGaps().p90Ms(), r.tokenGaps().maxMs());
        List<RunEvent.Call.Implausible> implausible = r.implausible().stream()
                .map(i -> new RunEvent.Call.Implausible(i.figure(), i.raw(), i.why())).toList();
        return new RunEvent.Call(stamp, ref, sample, messages, r.content(), r.thinking(),
                r.errorKind() == null ? null : r.errorKind().wireName(), r.errorMessage(), r.httpStatus(), r.latencyMs(),
                r.ttftMs(), r.promptTokens(), r.completionTokens(), r.tokensEstimated(), r.completionTokensPerSecond(),
                r.tpotMs(), gaps, r.streamed(), r.serverCompletionTokensPerSecond(), r.finishReason(), r.attempts(),
                r.retryWaitsMs(), Json.MAPPER.valueToTree(r.serverTimings()), implausible, r.charsIn(), r.charsOut(),
                r.server(), letters == null ? null
                        : new RunEvent.Call.Logprobs(letters.byLetter(), letters.chosen(), letters.topK(), letters.requests()),
                toolCalls(r.toolCalls()));
    }

    /** The answer's function calls as the record keeps them; null when it made none. */
    private static RunEvent.Call.ToolCalls toolCalls(org.llmbench.model.ToolCalls calls) {
        return calls == null ? null : new RunEvent.Call.ToolCalls(calls.calls().stream()
                .map(c -> new RunEvent.Call.ToolCall(c.id(), c.name(), c.arguments())).toList(), calls.dropped(), calls.problem());
    }

    /** Score, pass mark, weight and checks, without details. */
    static RunEvent.Score breakdown(Stamp stamp, TestRef ref, Score score, double weight) {
        List<RunEvent.Score.Check> checks = score.checks().stream().map(LedgerEvents::check).toList();
        return new RunEvent.Score(stamp, ref, score.value(), score.passMark(), score.passed(), weight,
                score.value() * weight, checks, null, null, null);
    }

    /** The methods' verdicts as the record keeps them; null stays null. */
    static RunEvent.Score.Methods methods(org.llmbench.scoring.Methods m) {
        return m == null ? null : new RunEvent.Score.Methods(m.headline(), m.promptFormat(), m.verdicts().stream()
                .map(v -> new RunEvent.Score.Verdict(v.method(), v.score(), v.read())).toList());
    }

    private static RunEvent.Score.Check check(Check c) {
        return new RunEvent.Score.Check(c.name(), c.weight(), CheckStatus.valueOf(c.status().name()), c.reason());
    }
}
