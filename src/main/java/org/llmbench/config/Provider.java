package org.llmbench.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of model server the engine talks to, by the names used on the command line and in records. */
public enum Provider {
    /** Ollama's native API. */
    OLLAMA("ollama"),
    /** An OpenAI-compatible API ({@code openai_compatible} in the config file). */
    OPENAI("openai"),
    /** The built-in mock models. */
    MOCK("mock"),
    /** Saved answers of a ledger ({@code bench.replay}). */
    REPLAY("replay"),
    /** GGUF model files run in this process (java-llama.cpp), no server. */
    GGUF("gguf");

    /** The wire names, in declaration order (for messages). */
    public static final List<String> NAMES = Arrays.stream(values()).map(Provider::wireName).toList();

    private final String wireName;

    Provider(String wireName) {
        this.wireName = wireName;
    }

    /** The name in flags, manifests and the run hash ({@code ollama}). */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The provider a name means, ignoring case; the config file's {@code openai_compatible} is {@link #OPENAI}. */
    public static Optional<Provider> of(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        String normalised = n.equals("openai_compatible") ? "openai" : n;
        return Arrays.stream(values()).filter(p -> p.wireName.equals(normalised)).findFirst();
    }

    /**
     * The provider of a run that names none: {@code replay} for a replay, {@code mock} for mock models, a server
     * when a URL is given ({@code openai} when it has {@code /v1}), {@code gguf} for {@code .gguf} files, else
     * {@code ollama}.
     */
    static Provider inferred(List<String> models, boolean replay, Optional<String> url) {
        if (replay) {
            return REPLAY;
        }
        if (!models.isEmpty() && models.stream().allMatch(m -> m.equals("mock") || m.startsWith("mock:"))) {
            return MOCK;
        }
        // A URL means a server, whatever the model is called: llama-server's id for its model is its file's path.
        if (url.isPresent()) {
            return url.get().contains("/v1") ? OPENAI : OLLAMA;
        }
        if (!models.isEmpty() && models.stream().allMatch(m -> m.toLowerCase(Locale.ROOT).endsWith(".gguf"))) {
            return GGUF;
        }
        return OLLAMA;
    }

    /** The wire name, so messages and string joins read as before. */
    @Override
    public String toString() {
        return wireName;
    }
}
