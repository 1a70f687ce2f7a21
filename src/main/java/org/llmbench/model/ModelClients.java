package org.llmbench.model;

import java.util.function.UnaryOperator;
import org.llmbench.config.BenchConfig;

/** Builds the client for the configured provider; one client per run, shared by all its models. */
public final class ModelClients {

    private ModelClients() {
    }

    public static ModelClient create(BenchConfig config) {
        return create(config, System::getenv);
    }

    /** As {@link #create(BenchConfig)}, with the environment looked up through {@code env} (for the API key). */
    public static ModelClient create(BenchConfig config, UnaryOperator<String> env) {
        return switch (config.provider()) {
            case MOCK -> new MockModelClient(config.seed());
            case REPLAY -> new ReplayClient(java.nio.file.Path.of(config.replay()));
            case OPENAI -> new OpenAiClient(ClientSettings.of(config, env));
            case OLLAMA -> new OllamaClient(ClientSettings.of(config, env));
            case GGUF -> new GgufClient(config.numCtx(), config.lanes());
        };
    }
}
