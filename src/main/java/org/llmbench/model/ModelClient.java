package org.llmbench.model;

import java.util.List;
import java.util.Map;

/** Talks to one model server. Implementations never throw from {@link #chat}: every fault is a recorded result. */
public interface ModelClient extends AutoCloseable {

    /** Sends one chat call, with the client's retries; blocks the calling thread until it is done. */
    CallResult chat(ChatRequest request);

    /**
     * The log-likelihood of each answer letter after a prompt (MMLU's loglikelihood method). Never throws; a provider
     * that gives no log-probabilities answers {@link LogprobResult#unsupported}, naming itself and the fix.
     */
    default LogprobResult logprobs(LogprobRequest request) {
        return LogprobResult.unsupported("the " + provider() + " provider gives no log-probabilities, so MMLU's loglikelihood "
                + "method cannot run on it; its questions are asked by the generative method instead", request.prompt().length());
    }

    /** The models the server offers (for {@code bench.model=auto} and {@code probe}). */
    List<String> listModels() throws CallFailure;

    /**
     * What the server says about each model it lists (size, quantization, digest, context length...), keyed by
     * model name, scalar values only; empty when it says nothing. Recorded in the manifest of a run.
     */
    default Map<String, Map<String, Object>> modelDetails() throws CallFailure {
        return Map.of();
    }

    /**
     * Readies the run's models and says what each is: an in-process provider loads them here, once per run; a
     * server's client returns what it lists ({@link #modelDetails()}).
     */
    default Map<String, Map<String, Object>> prepare(List<String> models) throws CallFailure {
        return modelDetails();
    }

    /** Provider name as recorded in the manifest ({@code mock}, {@code openai}, ...). */
    String provider();

    @Override
    default void close() {
    }
}
