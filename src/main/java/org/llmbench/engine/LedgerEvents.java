package org.llmbench.engine;

import java.util.List;
import org.llmbench.json.Json;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatRequest;
import org.llmbench.model.LetterLogprobs;
import org.llmbench.record.CheckStatus;
import org.llmbench.record.Implausible;
import org.llmbench.record.Logprobs;
import org.llmbench.record.Message;
import org.llmbench.record.Methods;
import org.llmbench.record.RunEvent;
import org.llmbench.record.Stamp;
import org.llmbench.record.TestRef;
import org.llmbench.record.TokenGaps;
import org.llmbench.record.ToolCall;
import org.llmbench.record.ToolCalls;
import org.llmbench.record.Verdict;
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
        List<Message> messages = request.messages().stream()
                .map(m -> new Message(m.role(), m.content())).toList();
        TokenGaps gaps = r.tokenGaps() == null ? null : new TokenGaps(r.tokenGaps().tokens(),
                r.tokenGaps().p50Ms(), r.tokenGaps().p90Ms(), r.tokenGaps().maxMs());
        List<Implausible> implausible = r.implausible().stream()
                .map(i -> new Implausible(i.figure(), i.raw(), i.why())).toList();
        return new RunEvent.Call(stamp, ref, sample, messages, r.content(), r.thinking(),
                r.errorKind() == null ? null : r.errorKind().wireName(), r.errorMessage(), r.httpStatus(), r.latencyMs(),
                r.ttftMs(), r.promptTokens(), r.completionTokens(), r.tokensEstimated(), r.completionTokensPerSecond(),
                r.tpotMs(), gaps, r.streamed(), r.serverCompletionTokensPerSecond(), r.finishReason(), r.attempts(),
                r.retryWaitsMs(), Json.MAPPER.valueToTree(r.serverTimings()), implausible, r.charsIn(), r.charsOut(),
                r.server(), letters == null ? null
                        : new Logprobs(letters.byLetter(), letters.chosen(), letters.topK(), letters.requests()),
                toolCalls(r.toolCalls()));
    }

    /** The answer's function calls as the record keeps them; null when it made none. */
    private static ToolCalls toolCalls(org.llmbench.model.ToolCalls calls) {
        return calls == null ? null : new ToolCalls(calls.calls().stream()
                .map(c -> new ToolCall(c.id(), c.name(), c.arguments())).toList(), calls.dropped(), calls.problem());
    }

    /** Score, pass mark, weight and checks, without details. */
    static RunEvent.Score breakdown(Stamp stamp, TestRef ref, Score score, double weight) {
        List<org.llmbench.record.Check> checks = score.checks().stream().map(LedgerEvents::check).toList();
        return new RunEvent.Score(stamp, ref, score.value(), score.passMark(), score.passed(), weight,
                score.value() * weight, checks, null, null, null);
    }

    /** The methods' verdicts as the record keeps them; null stays null. */
    static Methods methods(org.llmbench.scoring.Methods m) {
        return m == null ? null : new Methods(m.headline(), m.promptFormat(), m.verdicts().stream()
                .map(v -> new Verdict(v.method(), v.score(), v.read())).toList());
    }

    private static org.llmbench.record.Check check(Check c) {
        return new org.llmbench.record.Check(c.name(), c.weight(), CheckStatus.valueOf(c.status().name()), c.reason());
    }
}
