package org.llmbench.model;

import java.time.Duration;
import org.llmbench.config.BenchConfig;

/** Builds the client for the configured provider; one client per run, shared by all its models. */
public final class ModelClients {

    private ModelClients() {
    }

    public static ModelClient create(BenchConfig config) {
        Duration timeout = Duration.ofSeconds(config.timeoutS());
        return switch (config.provider()) {
            case "mock" -> new MockModelClient(config.seed());
            case "openai" -> new OpenAiClient(config.url(), config.apiKey().orElse(null), timeout, config.retries(),
                    config.lanes(), config.maxBodyBytes());
            case "ollama" -> new OllamaClient(config.url(), timeout, config.retries(), config.lanes(), config.maxBodyBytes());
            default -> throw new IllegalArgumentException("unknown provider " + config.provider());
        };
    }
}
