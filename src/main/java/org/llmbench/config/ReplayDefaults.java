package org.llmbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.llmbench.json.Json;
import org.llmbench.record.Manifest;
import org.llmbench.record.ManifestCodec;
import org.llmbench.record.RecordReader;
import org.llmbench.record.RunEvent;
import org.llmbench.record.RunFolders;

/**
 * What a replay run takes from the run it replays when not told otherwise (the models of its ledger, and every
 * setting that shapes what runs and how it is scored, from its manifest), and the checks of a replay setting.
 */
final class ReplayDefaults {

    /**
     * Settings a replay never takes from the replayed run: where it answers from and where its own files go,
     * which server and gate apply now. Everything else (seed, phases, options, pass mark...) must be the same for
     * the replayed answers to meet the same questions.
     */
    private static final java.util.Set<String> NOT_REPLAYED = java.util.Set.of(BenchKeys.PROVIDER.name(),
            BenchKeys.URL.name(), BenchKeys.API_KEY_ENV.name(), BenchKeys.CONFIG.name(), BenchKeys.REPLAY.name(),
            BenchKeys.RUN_ID.name(), BenchKeys.RETRY_ERRORS.name(), BenchKeys.OUT.name(), BenchKeys.HANDLE.name(),
            BenchKeys.DEVICE.name(), BenchKeys.CELL_ID_PREFIX.name(), BenchKeys.MIN_SCORE.name(),
            BenchKeys.RUN_POINTER.name(), BenchKeys.REPORT_ENTRIES.name(), BenchKeys.PARALLEL_ENABLED.name(), "suite.weights");

    /** The replayed run's manifest beside its ledger, or null when it has none. */
    static Path manifestOf(Path ledger) {
        Path manifest = ledger.toAbsolutePath().resolveSibling(RunFolders.MANIFEST);
        return Files.isRegularFile(manifest) ? manifest : null;
    }

    /** The replayed run's effective settings, key to value text, without those a replay never takes. */
    static java.util.Map<String, String> settings(Path manifest) {
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        read(manifest).ifPresent(m -> m.settingValues().forEach((key, value) -> {
            // A merged run's manifest is its first shard's: the merge is the whole run, not that shard.
            boolean shardOfMerge = m.merged() != null && key.equals(BenchKeys.SHARD.name());
            if (!NOT_REPLAYED.contains(key) && !derived(m.effectiveConfig().get(key)) && !shardOfMerge) {
                settings.put(key, value);
            }
        }));
        return settings;
    }

    /**
     * Whether the engine worked the value out during the run (a {@link Source.Derived}, labelled with its reason, such
     * as the pool's lanes): given back to a replay it would be a setting the run never had (mixed lanes would
     * send other questions to other models), so the replay derives it again.
     */
    private static boolean derived(Manifest.Setting setting) {
        String source = setting == null || setting.source() == null ? "" : setting.source();
        return !(source.isEmpty() || source.startsWith("parameter") || source.startsWith("config file")
                || source.startsWith("replayed run") || source.equals(Source.DEFAULT.label())
                || source.equals(Source.INFERRED.label()));
    }

    /** The weights the replayed run used (manifest {@code weights}), or a missing node. */
    static JsonNode weights(Path manifest) {
        return read(manifest).map(Manifest::weights).<JsonNode>map(Json.MAPPER::valueToTree)
                .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    /** An unreadable manifest leaves the defaults; the ledger is what check() insists on. */
    private static Optional<Manifest> read(Path manifest) {
        try {
            return Optional.of(ManifestCodec.read(manifest));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private ReplayDefaults() {
    }

    /** The models of the ledger's first run start as a comma list, or {@code mock} when it names none. */
    static String models(Path ledger) {
        List<String> models = new ArrayList<>();
        try {
            RecordReader.forEach(ledger, e -> {
                if (models.isEmpty() && e instanceof RunEvent.RunStart start) {
                    models.addAll(start.models());
                }
            });
        } catch (IOException e) {
            // An unreadable ledger is reported by check(); the default keeps loading going.
        }
        return models.isEmpty() ? "mock" : String.join(",", models);
    }

    /** Why a provider and replay path do not go together, if they do not. */
    static Optional<String> check(Provider provider, String replay) {
        if (provider == Provider.REPLAY && replay == null) {
            return Optional.of("provider replay needs " + BenchKeys.REPLAY.name() + " (the run.jsonl to answer from)");
        }
        if (replay == null) {
            return Optional.empty();
        }
        if (provider != Provider.REPLAY) {
            return Optional.of(BenchKeys.REPLAY.name() + " is set, so the provider must be replay, not " + provider);
        }
        if (!Files.isRegularFile(Path.of(replay))) {
            return Optional.of("'" + replay + "' is not a readable run.jsonl");
        }
        return Optional.empty();
    }
}
