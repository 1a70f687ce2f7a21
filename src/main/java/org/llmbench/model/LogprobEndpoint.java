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
    /** The top-k the server accepts, once it refused the one asked for; null until then. */
    private volatile Integer cap;

    /** The top-k every OpenAI-compatible server accepts (OpenAI's own maximum for completions). */
    static final int SMALL_TOP_K = 5;

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
        Integer k = cap;
        LogprobRequest asked = k == null || k >= request.topK() ? request : request.withTopK(k);
        LogprobResult result = ContinuationWalk.walk(asked, prompt -> step(asked, prompt));
        if (k == null && asked.topK() > SMALL_TOP_K && tooManyAsked(result.call())) {
            // OpenAI's legacy completions allow 5, a vLLM started with a smaller --max-logprobs fewer than 20: ask again
            // with 5, once, and keep to it for the rest of the run.
            cap = SMALL_TOP_K;
            LogprobRequest smaller = request.withTopK(SMALL_TOP_K);
            return ContinuationWalk.walk(smaller, prompt -> step(smaller, prompt));
        }
        return result;
    }

    /** A 4xx whose message is about the number of log-probabilities asked for. */
    private static boolean tooManyAsked(CallResult call) {
        return call.errorKind() == ErrorKind.HTTP_4XX && call.errorMessage() != null
                && call.errorMessage().toLowerCase(java.util.Locale.ROOT).contains("logprobs");
    }

    private Step step(LogprobRequest request, String prompt) {
        CallResult raw = client.postWhole(path, body.apply(request, prompt), prompt.length());
        if (!raw.ok()) {
            Integer status = raw.httpStatus();
            // A 404 about the model (Ollama's and OpenAI's "model not found") is that call's failure, not a missing endpoint.
            boolean aboutModel = String.valueOf(raw.errorMessage()).toLowerCase(java.util.Locale.ROOT).contains("model");
            if (status != null && (status == 404 && !aboutModel || status == 405 || status == 501)) {
                return unsupported(raw, "answered HTTP " + status + ": no log-probabilities");
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
            return unsupported(raw, "sent no log-probabilities");
        }
        return Step.of(new CallResult("", null, null, null, raw.httpStatus(), raw.latencyMs(), null, parsed.promptTokens(),
                parsed.completionTokens(), parsed.promptTokens() == null, parsed.finishReason(), raw.attempts(),
                raw.retryWaitsMs(), parsed.timings(), prompt.length(), 0, null, false, null, raw.implausible()),
                parsed.candidates());
    }

    private Step unsupported(CallResult raw, String what) {
        // Short enough for the redactor's cap on a message (Redactor.MAX_MESSAGE_CHARS): the fix comes first.
        String why = client.baseUrl() + path + " " + what + ", so MMLU's loglikelihood method cannot run there: its "
                + "questions are asked by the generative method. For it use llama-server or vLLM (--url http://HOST:PORT/v1) "
                + "or a recent Ollama; -Dbench.method=generative says so up front";
        CallResult failed = failed(raw, new CallFailure(ErrorKind.PROTOCOL, why));
        unsupported = failed.errorMessage();
        return Step.failed(failed, true);
    }

    /** A failure found in a body the server sent: its message passes the client's redactor like any other. */
    private CallResult failed(CallResult raw, CallFailure f) {
        return client.redacted(new CallResult(null, null, f.kind(), f.getMessage(), raw.httpStatus(), raw.latencyMs(), null,
                null, null, false, null, raw.attempts(), raw.retryWaitsMs(), java.util.Map.of(), raw.charsIn(), 0, null,
                false, null, List.of()));
    }
}
