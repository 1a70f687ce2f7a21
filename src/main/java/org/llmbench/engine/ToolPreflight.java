package org.llmbench.engine;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.ModelGroup;
import org.llmbench.json.Json;
import org.llmbench.model.CallFailure;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatMessage;
import org.llmbench.model.ChatRequest;
import org.llmbench.model.ErrorKind;
import org.llmbench.model.GenerationOptions;
import org.llmbench.model.ModelClient;
import org.llmbench.model.ToolUse;

/**
 * Before a native tools phase, offers each model one function in a one-token call: a server that refuses tools says
 * so now, with the fix, instead of failing every tool task. llama.cpp's {@code llama-server} without {@code --jinja}
 * answers HTTP 500 {@code tools param requires --jinja flag} (to a streamed request, {@code Cannot use tools with
 * stream}); Ollama answers HTTP 400 {@code ... does not support tools} for a model whose template has no tools.
 */
final class ToolPreflight {

    private static final ToolUse PROBE = new ToolUse(List.of(new ToolUse.Function("ping", "answers pong",
            Json.MAPPER.createObjectNode().put("type", "object").set("properties", Json.MAPPER.createObjectNode()))), "auto", List.of());

    private ToolPreflight() {
    }

    static void check(BenchConfig config, Function<BenchConfig, ModelClient> clients, DiscoveryIssueReporter issues) {
        try (ModelClient client = clients.apply(config)) {
            for (String model : config.models()) {
                if (ModelGroup.isGroup(model)) {
                    continue;
                }
                CallResult r = client.chat(new ChatRequest(model, List.of(ChatMessage.user("ping")),
                        new GenerationOptions(0, config.numCtx(), 1, config.seed()), null, null, PROBE));
                refusal(config, model, r).ifPresent(message -> issues.reportIssue(DiscoveryIssue.builder(
                        DiscoveryIssue.Severity.ERROR, message).cause(new CallFailure(ErrorKind.HTTP_4XX, r.errorMessage()))));
            }
        }
    }

    /** The discovery error for a call the server refused because of its tools, naming the fix; empty otherwise. */
    static java.util.Optional<String> refusal(BenchConfig config, String model, CallResult r) {
        String message = r.ok() || r.errorMessage() == null ? "" : r.errorMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        String skip = " (-Dbench.preflight=false skips this check)";
        if (lower.contains("--jinja") || lower.contains("cannot use tools with stream")) {
            return java.util.Optional.of("the server at " + config.url() + " refuses tools (" + message + "): llama.cpp's "
                    + "llama-server offers a tool API only when started with --jinja. Fix: restart it with `llama-server -m MODEL.gguf "
                    + "--jinja`, or run the tools phase prompted (-Dbench.toolMode=prompted, --tool-mode prompted)" + skip);
        }
        if (lower.contains("does not support tools")) {
            return java.util.Optional.of("model '" + model + "' on " + config.url() + " has no tool support (" + message
                    + "). Fix: a model whose template supports tools, or -Dbench.toolMode=prompted" + skip);
        }
        return java.util.Optional.empty();
    }
}
