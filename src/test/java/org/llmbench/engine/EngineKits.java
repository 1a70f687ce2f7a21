package org.llmbench.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.llmbench.config.BenchConfig;
import org.llmbench.model.ModelClient;
import org.llmbench.model.ModelClients;

/** EngineTestKit builders with explicit configuration, so no system property of the build leaks in, and their own run folders. */
final class EngineKits {

    private EngineKits() {
    }

    static EngineTestKit.Builder mock(String... keyValues) {
        return with(ModelClients::create, keyValues);
    }

    static EngineTestKit.Builder with(Function<BenchConfig, ModelClient> clients, String... keyValues) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("bench.model", "mock");
        params.put("bench.phases", "hello,5q");
        params.put("bench.out", freshOut());
        // Fault servers script their answers, listing included: the pre-flight has its own tests (PreflightTest).
        params.put("bench.preflight", "false");
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return EngineTestKit.engine(new LlmBenchTestEngine(clients))
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(params);
    }

    /** A kit for this engine that records its run in a folder of its own, never in the user's bench-runs. */
    static EngineTestKit.Builder engine(LlmBenchTestEngine engine) {
        return EngineTestKit.engine(engine).configurationParameter("bench.out", freshOut())
                .configurationParameter("bench.preflight", "false");
    }

    /** The engine always records its run: each kit gets an out folder of its own. */
    static String freshOut() {
        return "target/test-runs/" + java.util.UUID.randomUUID();
    }

    static final String ENTRY_CLASS = "org.llmbench.BundledSuitesBenchmark";

    static String questionId(String model, String suite, String question) {
        return "[engine:llm-bench]/[model:" + model + "]/[suite:" + suite + "]/[question:" + question + "]";
    }
}
