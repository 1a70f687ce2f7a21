package org.llmbench.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.BenchKeys;
import org.llmbench.config.Provider;
import org.llmbench.config.Source;
import org.llmbench.model.CallFailure;
import org.llmbench.model.ErrorKind;
import org.llmbench.model.GgufClient;
import org.llmbench.model.GgufFile;
import org.llmbench.model.ModelClient;

/**
 * Before anything runs, asks the server once for its models, within a few seconds: {@code bench.model=auto}
 * becomes the models it lists (each its own container with stable unique ids), and every requested model must be
 * among them. A server that does not answer, or lacks a model, is a discovery error that names the URL, what was
 * asked, what the server lists and the fix, so a run never spends minutes failing question after question. The
 * error's cause is the call's failure, which tells a launcher (the CLI's exit code 4) that the server is the problem.
 */
final class ServerPreflight {

    static final String AUTO = "auto";

    /** How long the check may take: enough for a loaded machine, short next to a run. */
    private static final int TIMEOUT_S = 5;

    private static final String SKIP = " (-Dbench.preflight=false skips this check)";

    private ServerPreflight() {
    }

    /**
     * The settings after the check, and what the server said of its models when it was asked (null when it was not,
     * or when several servers were): the run records that as its model details instead of asking again.
     */
    record Checked(BenchConfig config, Map<String, Map<String, Object>> listing) {
    }

    static Checked check(BenchConfig config, Function<BenchConfig, ModelClient> clients, DiscoveryIssueReporter issues) {
        var listing = new java.util.concurrent.atomic.AtomicReference<Map<String, Map<String, Object>>>();
        BenchConfig checked = check(config, clients, issues, listing);
        boolean server = config.provider() == Provider.OLLAMA || config.provider() == Provider.OPENAI;
        if (server && config.preflight() && config.runsPhase(Segments.TOOLS) && !config.promptedTools() && listing.get() != null) {
            ToolPreflight.check(checked.with(BenchKeys.TIMEOUT_S, Math.min(config.timeoutS(), 30),
                    new Source.Derived("pre-flight check")), clients, issues);
        }
        return new Checked(checked, listing.get());
    }

    private static BenchConfig check(BenchConfig config, Function<BenchConfig, ModelClient> clients,
                                     DiscoveryIssueReporter issues,
                                     java.util.concurrent.atomic.AtomicReference<Map<String, Map<String, Object>>> listing) {
        if (config.provider() == Provider.GGUF) {
            checkModelFiles(config, issues);
            return config;
        }
        boolean auto = config.models().contains(AUTO);
        boolean server = config.provider() == Provider.OLLAMA || config.provider() == Provider.OPENAI;
        if (!auto && !(server && config.preflight())) {
            return config;
        }
        BenchConfig quick = config.with(BenchKeys.TIMEOUT_S, Math.min(config.timeoutS(), TIMEOUT_S),
                new Source.Derived("pre-flight check"));
        List<String> listed;
        try (ModelClient client = clients.apply(quick)) {
            // One server: its listing with each model's details, kept for the run. Several: the models all list.
            if (server && config.urls().size() == 1) {
                listing.set(client.modelDetails());
                listed = List.copyOf(listing.get().keySet());
            } else {
                listed = client.listModels();
            }
        } catch (CallFailure e) {
            error(issues, (auto ? "bench.model=auto: " : "") + "cannot reach the model server at " + config.url() + " ("
                    + e.kind().wireName() + ": " + e.getMessage() + "). Start it (Ollama: `ollama serve`; LM Studio: "
                    + "start its local server; llama.cpp: `llama-server -m MODEL.gguf`), or point -Dbench.url (--url) "
                    + "at it" + SKIP, e);
            return auto ? config.withModels(config.models().stream().filter(m -> !m.equals(AUTO)).toList()) : config;
        }
        if (auto && listed.isEmpty()) {
            error(issues, "bench.model=auto: the server at " + config.url() + " lists no model; load or pull one first",
                    new CallFailure(ErrorKind.PROTOCOL, "the server lists no model"));
            return config.withModels(config.models().stream().filter(m -> !m.equals(AUTO)).toList());
        }
        var models = new LinkedHashSet<String>();
        for (String m : config.models()) {
            if (m.equals(AUTO)) {
                models.addAll(listed);
            } else if (!server || !config.preflight() || listed(m, listed)) {
                models.add(m);
            } else {
                error(issues, "model '" + m + "' is not listed by the server at " + config.url() + " (it lists: "
                        + (listed.isEmpty() ? "nothing" : String.join(", ", listed)) + "). " + fix(config, m, listed) + SKIP,
                        new CallFailure(ErrorKind.HTTP_4XX, "model not listed: " + m));
                models.add(m);
            }
        }
        return auto ? config.withModels(new ArrayList<>(models)) : config;
    }

    /** Each GGUF file must be a readable GGUF model, and java-llama.cpp must load on this platform. */
    private static void checkModelFiles(BenchConfig config, DiscoveryIssueReporter issues) {
        for (String m : config.models()) {
            try {
                GgufFile.read(java.nio.file.Path.of(m));
            } catch (GgufFile.BadFile e) {
                issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.ERROR, "bench.model: " + e.getMessage()));
            }
        }
        try {
            GgufClient.checkNativeLibrary();
        } catch (CallFailure e) {
            error(issues, e.getMessage(), e);
        }
    }

    /** Ollama names a model without a tag by its {@code :latest}. */
    private static boolean listed(String model, List<String> listed) {
        return listed.contains(model) || !model.contains(":") && listed.contains(model + ":latest");
    }

    /**
     * How to get a run that works: the exact flags naming the listed model that the asked name most likely meant
     * (llama-server lists its model by the path of its file, {@code /models/x.gguf}), or how to load the model.
     */
    static String fix(BenchConfig config, String model, List<String> listed) {
        String load = config.provider() == Provider.OLLAMA ? "`ollama pull " + model + "`; for a remote host, --url http://HOST:11434"
                : "load the model in LM Studio, or start llama-server / vLLM with it";
        if (listed.isEmpty()) {
            return "Fix: " + load;
        }
        String id = closest(model, listed);
        return "Fix: `--url " + config.url() + " --model " + id + "` (under Maven: -Dbench.url=" + config.url()
                + " -Dbench.model=" + id + "), or " + load;
    }

    /** The listed id whose base name (no folder, no {@code .gguf}, no {@code :tag}) is the asked one's, else the first. */
    private static String closest(String model, List<String> listed) {
        String wanted = baseName(model);
        return listed.stream().filter(id -> baseName(id).equals(wanted)).findFirst().orElse(listed.get(0));
    }

    private static String baseName(String id) {
        String name = id.substring(Math.max(id.lastIndexOf('/'), id.lastIndexOf('\\')) + 1).toLowerCase(java.util.Locale.ROOT);
        name = name.endsWith(".gguf") ? name.substring(0, name.length() - ".gguf".length()) : name;
        int tag = name.indexOf(':');
        return tag < 0 ? name : name.substring(0, tag);
    }

    private static void error(DiscoveryIssueReporter issues, String message, CallFailure cause) {
        issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.ERROR, message).cause(cause));
    }
}
