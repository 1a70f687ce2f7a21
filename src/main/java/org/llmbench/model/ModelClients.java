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
            case OPENAI -> servers(config, env, OpenAiClient::new);
            case OLLAMA -> servers(config, env, OllamaClient::new);
            case GGUF -> new GgufClient(config.numCtx(), config.lanes());
        };
    }

    /** One client for one URL; for several ({@code bench.url=a,b}) one each, behind a {@link MultiServerClient}. */
    private static ModelClient servers(BenchConfig config, UnaryOperator<String> env,
                                       java.util.function.Function<ClientSettings, ModelClient> client) {
        ClientSettings settings = ClientSettings.of(config, env);
        java.util.List<String> urls = config.urls();
        if (urls.size() <= 1) {
            return client.apply(settings);
        }
        return new MultiServerClient(urls, url -> client.apply(settings.withBaseUrl(url)));
    }
}
