package org.llmbench.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.llmbench.config.BenchConfig;
import org.llmbench.model.CallFailure;
import org.llmbench.model.ModelClient;

/**
 * Expands {@code bench.model=auto} into the models the server lists, at discovery time, so each becomes its own
 * container with stable unique ids. An unreachable server or an empty list is a discovery error, not a crash.
 */
final class AutoModels {

    static final String AUTO = "auto";

    private AutoModels() {
    }

    static BenchConfig expand(BenchConfig config, Function<BenchConfig, ModelClient> clients, DiscoveryIssueReporter issues) {
        if (!config.models().contains(AUTO)) {
            return config;
        }
        List<String> listed = List.of();
        try (ModelClient client = clients.apply(config)) {
            listed = client.listModels();
            if (listed.isEmpty()) {
                issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.ERROR,
                        "bench.model=auto: the server at " + config.url() + " lists no model")
                        .cause(new CallFailure(org.llmbench.model.ErrorKind.PROTOCOL, "the server lists no model")));
            }
        } catch (CallFailure e) {
            // The cause tells a launcher (the CLI's exit code 4) that the server, not the input, is the problem.
            issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.ERROR, "bench.model=auto: cannot list the models of "
                    + config.url() + " (" + e.kind().wireName() + ": " + e.getMessage() + ")").cause(e));
        }
        var models = new LinkedHashSet<String>();
        for (String m : config.models()) {
            if (m.equals(AUTO)) {
                models.addAll(listed);
            } else {
                models.add(m);
            }
        }
        return config.withModels(new ArrayList<>(models));
    }
}
