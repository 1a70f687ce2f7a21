package org.llmbench.model;

/**
 * The request bodies that ask a server for the next token's top-k log-probabilities after a prompt: one token,
 * temperature 0, the prompt sent raw (no chat template: MMLU's log-likelihood scores a completion).
 */
final class CompletionRequests {

    private CompletionRequests() {
    }

    /**
     * OpenAI-compatible {@code /completions}: {@code logprobs} is the top-k (an integer there). llama-server maps it to
     * its {@code n_probs} and returns the model's probabilities before sampling; vLLM caps it at {@code --max-logprobs}.
     */
    static String openAi(LogprobRequest request, String prompt) {
        return WireJson.object(json -> {
            json.writeStringField("model", request.model());
            json.writeStringField("prompt", prompt);
            json.writeNumberField("max_tokens", 1);
            json.writeNumberField("temperature", 0);
            json.writeNumberField("logprobs", request.topK());
            json.writeBooleanField("stream", false);
        });
    }

    /** Ollama's {@code /api/generate}: {@code raw} skips the template, {@code logprobs} and {@code top_logprobs} ask for them. */
    static String ollama(LogprobRequest request, String prompt) {
        return WireJson.object(json -> {
            json.writeStringField("model", request.model());
            json.writeStringField("prompt", prompt);
            json.writeBooleanField("raw", true);
            json.writeBooleanField("stream", false);
            json.writeBooleanField("logprobs", true);
            json.writeNumberField("top_logprobs", request.topK());
            json.writeObjectFieldStart("options");
            json.writeNumberField("num_predict", 1);
            json.writeNumberField("temperature", 0);
            json.writeEndObject();
        });
    }
}
