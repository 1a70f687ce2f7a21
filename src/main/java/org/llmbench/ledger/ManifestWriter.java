package org.llmbench.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.Provider;

/** Writes manifest.json at the start of a run: who, what, with which options, and where each value came from. */
final class ManifestWriter {

    /** The value of {@code host.short_name} in a submission; check-submission accepts this or null, nothing else. */
    static final String REDACTED = "redacted";

    private ManifestWriter() {
    }

    static void write(Path folder, RunLedger ledger, PlannedRun plan) throws IOException {
        BenchConfig config = plan.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema_version", 1);
        m.put("run_id", ledger.runId());
        m.put("harness_version", harnessVersion());
        m.put("git_sha", GitInfo.headSha(Path.of("")).orElse(null));
        m.put("started_at", Instant.now().toString());
        m.put("resumed", ledger.resumed());
        m.put("questions_scored_before_resume", ledger.scoredBeforeCount());
        m.put("provider", config.provider().wireName());
        m.put("target_url", config.provider() == org.llmbench.config.Provider.GGUF ? "in process (java-llama.cpp)" : config.url());
        m.put("models", plan.models());
        m.put("phases", config.phases());
        m.put("suites", plan.suites());
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("temperature", config.temperature());
        options.put("num_ctx", config.provider() == Provider.OPENAI ? "not applicable (OpenAI-compatible API)" : config.numCtx());
        options.put("num_predict", config.numPredict());
        options.put("seed", config.seed());
        options.put("timeout_s", config.timeoutS());
        options.put("retries", config.retries());
        options.put("lanes", config.lanes());
        options.put("pass_score", config.passScore());
        m.put("options", options);
        // What each phase ran: options.lanes is the cap parallel phases use, these are the phases' own counts.
        Map<String, Object> phaseLanes = new java.util.TreeMap<>();
        plan.phaseLanes().forEach((phase, lanes) -> phaseLanes.put(phase, Map.of("lanes", lanes.lanes(), "source", lanes.source())));
        m.put("phase_lanes", phaseLanes);
        m.put("tests_planned", plan.testsPlanned());
        m.put("tests_added_at_run_time", plan.testsAtRunTime());
        // What stood between the model's code and this machine: a layer missing here is missing for every task.
        m.put("sandbox_layers", new java.util.TreeMap<>(plan.sandboxLayers()));
        if (plan.shard() != null) {
            m.put("shard", shard(plan.shard(), config));
        }
        m.put("canonical_options_overrides", config.canonicalOverrides());
        m.put("weights", config.weights());
        m.put("effective_config", config.effectiveToShare());
        m.put("cell_id_prefix", config.cellIdPrefix());
        m.put("handle", config.handle());
        m.put("device", config.device());
        Map<String, Object> host = new LinkedHashMap<>();
        // Never the host name: a run folder is meant to be shared as it is, and check-submission rejects one.
        host.put("short_name", REDACTED);
        host.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        host.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        host.put("cpus", Runtime.getRuntime().availableProcessors());
        host.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("host", host);
        Path file = folder.resolve("manifest.json");
        if (ledger.resumed() && Files.exists(file)) {
            // Keep what the first start recorded and add this resume to its history.
            var previous = (com.fasterxml.jackson.databind.node.ObjectNode) JsonSupport.MAPPER.readTree(file.toFile());
            var resumes = previous.withArray("resumes");
            resumes.addObject().put("at", Instant.now().toString())
                    .put("questions_scored_before", ledger.scoredBeforeCount())
                    .put("retry_errors", config.retryErrors());
            previous.put("resumed", true);
            JsonSupport.MAPPER.writeValue(file.toFile(), previous);
            return;
        }
        JsonSupport.MAPPER.writeValue(file.toFile(), m);
    }

    /**
     * Adds the figures the phases measured (wall time, token rate, lanes, context turns, ...) and what the server
     * said about the models (size, quantization, ...) to the manifest at the end of the run, so the manifest alone
     * says what ran and how each phase went.
     */
    static void addEndOfRunFacts(Path folder, List<Map<String, ?>> figures, Map<String, ?> modelDetails) throws IOException {
        Path file = folder.resolve("manifest.json");
        if ((figures.isEmpty() && modelDetails.isEmpty()) || !Files.exists(file)) {
            return;
        }
        var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) JsonSupport.MAPPER.readTree(file.toFile());
        if (!figures.isEmpty()) {
            manifest.set("phase_figures", JsonSupport.toTree(figures));
        }
        if (!modelDetails.isEmpty()) {
            manifest.set("model_details", JsonSupport.toTree(modelDetails));
        }
        JsonSupport.MAPPER.writeValue(file.toFile(), manifest);
    }

    /** A shard's part: what {@code report merge} checks (same group, settings and harness; every unit once). */
    static Map<String, Object> shard(PlannedRun.ShardPlan shard, BenchConfig config) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("shard", shard.shard().toString());
        s.put("index", shard.shard().index());
        s.put("count", shard.shard().count());
        s.put("run_group", shard.runGroup());
        s.put("config_hash", config.hash());
        s.put("units", shard.units());
        s.put("run_units_planned", shard.runUnits().size());
        s.put("run_units", shard.runUnits());
        return s;
    }

    static String harnessVersion() {
        try (var in = ManifestWriter.class.getResourceAsStream("/org/llmbench/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
