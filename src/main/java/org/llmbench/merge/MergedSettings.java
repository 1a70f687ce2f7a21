package org.llmbench.merge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.BenchKeys;
import org.llmbench.config.ConfigLoader;
import org.llmbench.config.Source;
import org.llmbench.json.Json;
import org.llmbench.record.Manifest;

/**
 * The settings of the merged run, rebuilt from a shard's recorded {@code effective_config} (what was given, with
 * the recorded weights) without its shard, for run.md's summary, deviations and reproduce command.
 */
final class MergedSettings {

    private MergedSettings() {
    }

    static BenchConfig of(ShardFolder part) throws IOException {
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, Manifest.Setting> recorded = part.manifest().effectiveConfig();
        if (recorded != null) {
            recorded.forEach((key, s) -> {
                String label = s.source() == null ? "" : s.source();
                if (s.value() != null && (label.startsWith("parameter") || label.startsWith("config file"))) {
                    given.put(key, s.value());
                }
            });
        }
        String configFile = given.remove(BenchKeys.CONFIG.name());
        given.remove(BenchKeys.SHARD.name());
        given.remove(BenchKeys.RUN_ID.name());
        given.remove(BenchKeys.RETRY_ERRORS.name());
        given.remove(BenchKeys.RUN_POINTER.name());
        // The weights as the shard recorded them, through a config file of their own: a config file is where they live.
        Path weights = Files.createTempFile("llm-bench-merge-weights", ".json");
        try {
            var file = Json.MAPPER.createObjectNode();
            file.putObject("suite").set("weights", Json.MAPPER.valueToTree(part.manifest().weights()));
            Json.MAPPER.writeValue(weights.toFile(), file);
            given.put(BenchKeys.CONFIG.name(), weights.toString());
            ConfigLoader.Result loaded = ConfigLoader.load(k -> Optional.ofNullable(given.get(k)));
            return loaded.config().with(BenchKeys.CONFIG, configFile,
                    configFile == null ? Source.DEFAULT : Source.PARAMETER);
        } finally {
            Files.deleteIfExists(weights);
        }
    }
}
