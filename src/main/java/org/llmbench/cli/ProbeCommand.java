package org.llmbench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.BenchKeys;
import org.llmbench.config.Provider;
import org.llmbench.config.TerminalText;
import org.llmbench.model.CallResult;
import org.llmbench.model.ModelClient;
import org.llmbench.model.ModelClients;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code probe}: is the server there, what does it offer, does a model answer? Nothing is written. */
@Command(name = "probe", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the server's models and send one hello call. Nothing is written.",
                "Without --model the server's first model is greeted; with no flags at all, the server probed is "
                        + "Ollama's default (http://127.0.0.1:11434). --mock probes the built-in mock."})
final class ProbeCommand implements Callable<Integer> {

    @Mixin
    BenchOptions bench = new BenchOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> given = new java.util.LinkedHashMap<>(bench.parameters());
        // Someone checking their server runs `probe` bare: probe a server (Ollama's default URL), never the mock,
        // whose OK would say nothing about it. The mock is probed when asked for (--mock, --model mock).
        if (!given.containsKey(BenchKeys.MODEL.name()) && !given.containsKey(BenchKeys.CONFIG.name())
                && System.getProperty(BenchKeys.MODEL.name()) == null) {
            given.put(BenchKeys.MODEL.name(), "auto");
        }
        BenchConfig target = HelloCall.config(given);
        out.println("probing " + (target.provider() == Provider.MOCK ? "the built-in mock (no server)"
                : target.provider().wireName() + " at " + target.url()));
        // The provider printed is the one greeted: the model the server names (llama-server's is a `.gguf` path)
        // must not switch the probe to another provider.
        given.putIfAbsent(BenchKeys.PROVIDER.name(), target.provider().wireName());
        Map<String, String> parameters = HelloCall.withModel(given, out);
        BenchConfig config = HelloCall.config(parameters);
        out.println("provider: " + config.provider() + ", url: " + (config.provider() == Provider.MOCK ? "(built in)" : config.url()));
        List<String> models = HelloCall.listModels(config);
        out.println("models (" + models.size() + "):");
        models.forEach(m -> out.println("  " + TerminalText.escape(m)));
        try (ModelClient client = ModelClients.create(config)) {
            CallResult call = HelloCall.greet(client, config);
            out.println(TerminalText.escape("hello " + config.models().get(0) + ": " + HelloCall.describe(call)));
            return call.ok() ? ExitCodes.OK : ExitCodes.MODEL;
        }
    }
}
