package org.llmbench.model;

import java.util.List;
import java.util.function.BiFunction;
import org.llmbench.model.ContinuationWalk.Step;

/**
 * A server's completion endpoint asked for next-token log-probabilities: {@code /completions} under an
 * OpenAI-compatible base URL (llama-server, vLLM, OpenAI), {@code /api/generate} with {@code raw} under Ollama's.
 * The first answer without any log-probabilities (LM Studio, an Ollama from before they existed, a server with no
 * completions endpoint) says so with the URL and the fix, and the client remembers it: later questions of the run
 * fall back to the generative method without asking again.
 */
final class LogprobEndpoint {

    private final HttpChatClient client;
    private final String path;
    private final BiFunction<LogprobRequest, String, String> body;
    private volatile String unsupported;

    /** @param body the request body for a question and the prompt of one step */
    LogprobEndpoint(HttpChatClient client, String path, BiFunction<LogprobRequest, String, String> body) {
        this.client = client;
        this.path = path;
        this.body = body;
    }

    LogprobResult logprobs(LogprobRequest request) {
        String known = unsupported;
        if (known != null) {
            return LogprobResult.unsupported(known, request.prompt().length());
        }
        return ContinuationWalk.walk(request, prompt -> step(request, prompt));
    }

    private Step step(LogprobRequest request, String prompt) {
        CallResult raw = client.postWhole(path, body.apply(request, prompt), prompt.length());
        if (!raw.ok()) {
            Integer status = raw.httpStatus();
            if (status != null && (status == 404 || status == 405 || status == 501)) {
                return unsupported(raw, "answered HTTP " + status + " (no such endpoint)");
            }
            return Step.failed(raw, false);
        }
        CompletionLogprobs.Parsed parsed;
        try {
            parsed = CompletionLogprobs.firstToken(raw.content());
        } catch (CallFailure f) {
            return Step.failed(failed(raw, f), false);
        }
        if (parsed.candidates() == null) {
            return unsupported(raw, "answered without log-probabilities");
        }
        return Step.of(new CallResult("", null, null, null, raw.httpStatus(), raw.latencyMs(), null, parsed.promptTokens(),
                parsed.completionTokens(), parsed.promptTokens() == null, parsed.finishReason(), raw.attempts(),
                raw.retryWaitsMs(), parsed.timings(), prompt.length(), 0, null, false, null, raw.implausible()),
                parsed.candidates());
    }

    private Step unsupported(CallResult raw, String what) {
        String why = client.baseUrl() + path + " " + what + ": this server gives no log-probabilities, so MMLU's "
                + "loglikelihood method cannot run on it; its questions are asked by the generative method instead. "
                + "For log-likelihood use llama-server or vLLM (--url http://HOST:PORT/v1), an Ollama recent enough to return logprobs, or a "
                + ".gguf file in process; -Dbench.method=generative says so up front";
        unsupported = why;
        return Step.failed(failed(raw, new CallFailure(ErrorKind.PROTOCOL, why)), true);
    }

    private static CallResult failed(CallResult raw, CallFailure f) {
        return new CallResult(null, null, f.kind(), f.getMessage(), raw.httpStatus(), raw.latencyMs(), null, null, null,
                false, null, raw.attempts(), raw.retryWaitsMs(), java.util.Map.of(), raw.charsIn(), 0, null, false, null,
                List.of());
    }
}
