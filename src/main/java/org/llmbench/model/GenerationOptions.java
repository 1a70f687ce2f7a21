package org.llmbench.model;

/** Generation options sent with each call; num_ctx is honoured only by Ollama's native API. */
public record GenerationOptions(double temperature, int numCtx, int numPredict, Long seed) {
}
