package org.llmbench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.BenchKeys;
import org.llmbench.config.TerminalText;
import org.llmbench.model.CallFailure;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatMessage;
import org.llmbench.model.ChatRequest;
import org.llmbench.model.GenerationOptions;
import org.llmbench.model.ModelClient;
import org.llmbench.model.ModelClients;
import org.llmbench.suite.Question;
import org.llmbench.suite.SuiteException;
import org.llmbench.suite.SuiteLoader;
import org.llmbench.suite.SuiteOrigin;

/**
 * What probe and smoke share: which model to greet (the one named, else the server's first) and the
 * greeting itself, the bundled hello suite's question sent with the canonical options.
 */
final class HelloCall {

    private HelloCall() {
    }

    /**
     * The flags with a concrete model: without --model but with --url or --provider, the server is asked
     * for its models and the first one is used ({@code auto}).
     */
    static Map<String, String> withModel(Map<String, String> given, PrintWriter out) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>(given);
        boolean server = parameters.containsKey(BenchKeys.URL.name()) || parameters.containsKey(BenchKeys.PROVIDER.name());
        String model = parameters.get(BenchKeys.MODEL.name());
        if (model == null && server || "auto".equals(model)) {
            parameters.put(BenchKeys.MODEL.name(), "auto");
            List<String> models = listModels(config(parameters));
            if (models.isEmpty()) {
                throw new CliException(ExitCodes.MODEL, "the server lists no models; name one with --model");
            }
            parameters.put(BenchKeys.MODEL.name(), models.get(0));
            out.println("[llm-bench] no --model given: using the server's first model, " + TerminalText.escape(models.get(0)));
        }
        return parameters;
    }

    static BenchConfig config(Map<String, String> parameters) {
        return BenchLaunch.requireUsableConfig(parameters);
    }

    static List<String> listModels(BenchConfig config) {
        try (ModelClient client = ModelClients.create(config)) {
            return client.listModels();
        } catch (CallFailure e) {
            throw new CliException(ExitCodes.MODEL, "cannot list the models at " + config.url() + ": "
                    + e.kind().wireName() + ": " + e.getMessage());
        }
    }

    /** Sends the hello question to the first configured model. */
    static CallResult greet(ModelClient client, BenchConfig config) {
        Question hello = helloQuestion();
        ChatRequest request = new ChatRequest(config.models().get(0), List.of(ChatMessage.user(hello.prompt())),
                new GenerationOptions(config.temperature(), config.numCtx(), config.numPredict(), config.seed()),
                hello.referenceAnswer());
        return client.chat(request);
    }

    static String describe(CallResult call) {
        if (!call.ok()) {
            return call.errorKind().wireName() + ": " + call.errorMessage() + " (after " + call.attempts() + " attempt(s))";
        }
        String answer = call.content().strip().replaceAll("\\s+", " ");
        return String.format(Locale.ROOT, "\"%s\" in %d ms%s", answer.length() > 120 ? answer.substring(0, 117) + "..." : answer,
                call.latencyMs(), call.completionTokens() == null ? "" : ", " + call.completionTokens() + " completion tokens"
                        + (call.tokensEstimated() ? " (estimated)" : ""));
    }

    private static Question helloQuestion() {
        try {
            return SuiteLoader.load(SuiteOrigin.ofResource("suites/hello.json")).questions().get(0);
        } catch (SuiteException e) {
            throw new CliException(ExitCodes.INTERNAL, "the bundled hello suite is broken: " + e.getMessage());
        }
    }
}
