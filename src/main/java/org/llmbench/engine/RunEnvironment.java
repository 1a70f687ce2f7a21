package org.llmbench.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.llmbench.config.BenchConfig;

/** The figures of a run shown on the Allure report's overview (its environment.properties). */
final class RunEnvironment {

    private RunEnvironment() {
    }

    static Map<String, String> of(RunLedger ledger) {
        BenchConfig config = ledger.plan().config();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("run_id", ledger.runId());
        env.put("models", String.join(",", ledger.plan().models()));
        env.put("provider", config.provider().wireName());
        env.put("target_url", switch (config.provider()) {
            case REPLAY -> "replay of " + config.replay();
            case MOCK -> "built-in mock";
            case GGUF -> "in process (java-llama.cpp)";
            default -> config.url();
        });
        env.put("phases", String.join(",", config.phases()));
        env.put("temperature", String.valueOf(config.temperature()));
        env.put("num_ctx", String.valueOf(config.numCtx()));
        env.put("num_predict", String.valueOf(config.numPredict()));
        env.put("seed", String.valueOf(config.seed()));
        env.put("config_hash", config.hash());
        env.put("device", config.device());
        env.put("java", System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return env;
    }
}
