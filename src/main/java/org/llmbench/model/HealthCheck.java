package org.llmbench.model;

import java.util.List;

/**
 * The {@code hello} health call behind {@code probe} and {@code smoke}: list the server's models, then send
 * one short greeting to the chosen model (the first listed one when none or {@code auto} is named).
 */
public final class HealthCheck {

    static final String PROMPT = "Say hello in one short sentence.";
    static final int MAX_TOKENS = 32;

    /**
     * What the check found.
     *
     * @param models the server's models; empty when listing failed
     * @param listError why listing failed, or null
     * @param model the model greeted, or null when there was none to greet
     * @param call the greeting call, or null when it was not made
     */
    public record Result(List<String> models, String listError, String model, CallResult call) {
        /** True when the greeting came back with an answer. */
        public boolean ok() {
            return call != null && call.ok();
        }
    }

    private HealthCheck() {
    }

    public static Result hello(ModelClient client, String model, GenerationOptions options) {
        List<String> models = List.of();
        String listError = null;
        try {
            models = List.copyOf(client.listModels());
        } catch (CallFailure e) {
            listError = e.kind().wireName() + ": " + e.getMessage();
        }
        String target = model == null || model.isBlank() || model.equals("auto")
                ? models.stream().findFirst().orElse(null) : model;
        if (target == null) {
            return new Result(models, listError != null ? listError : "the server lists no model", null, null);
        }
        var hello = new GenerationOptions(options.temperature(), options.numCtx(),
                Math.min(MAX_TOKENS, options.numPredict()), options.seed());
        CallResult call = client.chat(new ChatRequest(target, List.of(ChatMessage.user(PROMPT)), hello, "Hello!"));
        return new Result(models, listError, target, call);
    }
}
