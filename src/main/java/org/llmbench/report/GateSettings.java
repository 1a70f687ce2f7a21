package org.llmbench.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.llmbench.config.BenchKeys;

/**
 * The regression gate's settings as a run resolved and recorded them ({@code bench.baseline}, {@code bench.baselineAlpha},
 * {@code bench.maxDrop}, {@code bench.baselineModel}).
 *
 * @param baseline the baseline run: its folder, run.jsonl or results.json
 * @param alpha the significance level of McNemar's test (and 1 - alpha the bootstrap interval's level)
 * @param maxDrop the largest drop of a model's weighted score, in points, that passes whatever the test says; null:
 *                none (only a significant drop fails)
 * @param baselineModels a run's model to the baseline's model it is held to; the key {@code *} for "the one model of
 *                       the run", from a mapping without {@code =}
 */
public record GateSettings(Path baseline, double alpha, Double maxDrop, Map<String, String> baselineModels) {

    /** What {@code bench.baselineAlpha} defaults to. */
    public static final double DEFAULT_ALPHA = 0.05;

    /** The key of a mapping that names only the baseline's model. */
    static final String ANY = "*";

    public GateSettings {
        baselineModels = Map.copyOf(baselineModels);
    }

    /** The gate of these recorded setting values (key to text, as a manifest keeps them), or null when no baseline is set. */
    public static GateSettings of(Map<String, String> settings) {
        String baseline = settings.get(BenchKeys.BASELINE.name());
        if (baseline == null || baseline.isBlank()) {
            return null;
        }
        String alpha = settings.get(BenchKeys.BASELINE_ALPHA.name());
        String maxDrop = settings.get(BenchKeys.MAX_DROP.name());
        return new GateSettings(home(baseline.trim()), alpha == null || alpha.isBlank() ? DEFAULT_ALPHA : Double.parseDouble(alpha),
                maxDrop == null || maxDrop.isBlank() ? null : Double.parseDouble(maxDrop),
                models(settings.get(BenchKeys.BASELINE_MODEL.name())));
    }

    /**
     * {@code NEW=OLD,...}: each model of the run held to the named model of the baseline; a single {@code OLD} holds the
     * run's one model to it.
     */
    public static Map<String, String> models(String mapping) {
        Map<String, String> models = new LinkedHashMap<>();
        if (mapping == null || mapping.isBlank()) {
            return models;
        }
        for (String pair : mapping.split(",")) {
            int eq = pair.lastIndexOf('=');
            if (eq < 0) {
                models.put(ANY, pair.trim());
            } else {
                models.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return models;
    }

    /** One line of the settings, for the console. */
    String describe() {
        return String.format(Locale.ROOT, "alpha %s, max drop %s", RunSummary.twoDecimals(alpha),
                maxDrop == null ? "none" : RunSummary.twoDecimals(maxDrop) + " points");
    }

    /** A recorded path under the user's home comes back as {@code ~/...} (config.SharedPaths). */
    private static Path home(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home", "")).resolve(path.substring(Math.min(2, path.length())));
        }
        return Path.of(path);
    }
}
