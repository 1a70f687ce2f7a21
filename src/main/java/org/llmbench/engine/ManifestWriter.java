package org.llmbench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.llmbench.config.PlannedRun;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.Provider;
import org.llmbench.json.Json;
import org.llmbench.record.Manifest;
import org.llmbench.record.ManifestCodec;
import org.llmbench.record.RunEvent;
import org.llmbench.record.RunFolders;

/** Writes manifest.json at the start of a run: who, what, with which options, and where each value came from. */
final class ManifestWriter {

    private ManifestWriter() {
    }

    /**
     * Writes the manifest of the run {@code runId} into {@code folder}; a resumed run ({@code scoredBefore} tests
     * already scored) adds this start to the manifest its first start wrote.
     */
    static void write(Path folder, String runId, boolean resumed, int scoredBefore, PlannedRun plan) throws IOException {
        Path file = folder.resolve(RunFolders.MANIFEST);
        if (resumed && Files.exists(file)) {
            // Keep what the first start recorded and add this resume to its history.
            Manifest previous = ManifestCodec.read(file);
            ManifestCodec.write(file, previous.with(b -> b.resumedAgain(new Manifest.Resume(Instant.now(),
                    scoredBefore, plan.config().retryErrors()))));
            return;
        }
        ManifestCodec.write(file, of(runId, resumed, scoredBefore, plan));
    }

    private static Manifest of(String runId, boolean resumed, int scoredBefore, PlannedRun plan) {
        BenchConfig config = plan.config();
        ObjectNode options = ManifestCodec.options(config.temperature(),
                config.provider() == Provider.OPENAI ? "not applicable (OpenAI-compatible API)" : config.numCtx(),
                config.numPredict(), config.seed(), config.timeoutS(), config.retries(), config.lanes(), config.passScore());
        // What each phase ran: options.lanes is the cap parallel phases use, these are the phases' own counts.
        Map<String, Manifest.PhaseLanes> phaseLanes = new TreeMap<>();
        plan.phaseLanes().forEach((phase, lanes) -> phaseLanes.put(phase, new Manifest.PhaseLanes(lanes.lanes(), lanes.source())));
        Map<String, Manifest.Setting> settings = new LinkedHashMap<>();
        config.effectiveToShare().forEach((key, s) -> settings.put(key, new Manifest.Setting(s.value(), s.source().label())));
        // Never the host name: a run folder is meant to be shared as it is, and check-submission rejects one.
        Manifest.Host host = new Manifest.Host(Manifest.Host.REDACTED, null,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return new Manifest(ManifestCodec.SCHEMA_VERSION, runId, harnessVersion(),
                GitInfo.headSha(Path.of("")).orElse(null), Instant.now(), resumed, scoredBefore,
                config.provider().wireName(),
                config.provider() == Provider.GGUF ? "in process (java-llama.cpp)" : config.url(), plan.models(),
                config.phases(), plan.suites(), options, phaseLanes, plan.testsPlanned(), plan.testsAtRunTime(),
                // What stood between the model's code and this machine: a layer missing here is missing for every task.
                new TreeMap<>(plan.sandboxLayers()), config.unisolatedSandbox() ? "unisolated" : "isolated",
                plan.shard() == null ? null : shard(plan.shard(), config), Json.MAPPER.valueToTree(config.canonicalOverrides()),
                config.weights(), settings, config.cellIdPrefix(), config.handle(), config.device(), host, null, null, null,
                null, plan.suiteVersions().isEmpty() ? null : new TreeMap<>(plan.suiteVersions()), null, null);
    }

    /**
     * Adds the figures the phases measured (wall time, token rate, lanes, context turns, ...) and what the server
     * said about the models (size, quantization, ...) to the manifest at the end of the run, so the manifest alone
     * says what ran and how each phase went.
     */
    static void addEndOfRunFacts(Path folder, List<RunEvent.PhaseFigures> figures, JsonNode modelDetails,
                                 List<RunEvent.Footprint> footprints) throws IOException {
        Path file = folder.resolve(RunFolders.MANIFEST);
        boolean noDetails = modelDetails == null || modelDetails.isEmpty();
        if ((figures.isEmpty() && noDetails && footprints.isEmpty()) || !Files.exists(file)) {
            return;
        }
        Manifest manifest = ManifestCodec.read(file);
        ManifestCodec.write(file, manifest.with(b -> b.endOfRun(figures.isEmpty() ? null : figures,
                noDetails ? null : modelDetails).footprints(footprints)));
    }

    /** A shard's part: what {@code report merge} checks (same group, settings and harness; every unit once). */
    static Manifest.ShardSection shard(PlannedRun.ShardPlan shard, BenchConfig config) {
        return new Manifest.ShardSection(shard.shard().toString(), shard.shard().index(), shard.shard().count(),
                shard.runGroup(), config.hash(), shard.units(), shard.runUnits().size(), shard.runUnits());
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
