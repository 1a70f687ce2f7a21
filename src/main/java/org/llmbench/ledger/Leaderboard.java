package org.llmbench.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * leaderboard.json: one entry per run and model (run id, date, model, provider, device, suites, score,
 * config hash), appended at the end of each run. Entries with the same model, suites and config hash are
 * comparable, and a run's percentile rank is taken among those.
 */
public final class Leaderboard {

    /** The file name, kept in bench.out beside the run folders. */
    public static final String FILE = "leaderboard.json";

    /** Where one model's score of this run stands among the earlier comparable runs. */
    public record Rank(double score, double percentile, int earlierRuns) {
    }

    private Leaderboard() {
    }

    /** The entries of a finished run folder, one per model, from its manifest.json and metadata.json. */
    public static List<ObjectNode> entries(Path runFolder) throws IOException {
        JsonNode manifest = JsonSupport.MAPPER.readTree(runFolder.resolve("manifest.json").toFile());
        JsonNode metadata = JsonSupport.MAPPER.readTree(runFolder.resolve(MetadataWriter.FILE).toFile());
        List<ObjectNode> entries = new ArrayList<>();
        metadata.path("models").fields().forEachRemaining(m -> {
            ObjectNode e = JsonSupport.MAPPER.createObjectNode();
            e.put("run_id", metadata.path("run_id").asText());
            e.put("date", manifest.path("started_at").asText());
            e.put("model", m.getKey());
            e.put("provider", manifest.path("provider").asText());
            e.put("device", manifest.path("device").asText());
            e.set("suites", manifest.path("suites"));
            e.put("score", Math.round(m.getValue().path("score").asDouble() * 100) / 100.0);
            e.put("tests", m.getValue().path("tests").asInt());
            e.put("passed", m.getValue().path("passed").asInt());
            e.put("config_hash", metadata.path("config_hash").asText());
            e.put("harness_version", manifest.path("harness_version").asText());
            entries.add(e);
        });
        return entries;
    }

    /**
     * Adds the entries (replacing earlier ones of the same run and model, as a resumed run finishes again)
     * and returns, per model, its rank among the other runs with the same model, suites and config hash.
     */
    public static Map<String, Rank> append(Path file, List<ObjectNode> entries) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path lock = file.resolveSibling(file.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var held = channel.lock()) {
            ObjectNode root = read(file);
            ArrayNode runs = (ArrayNode) root.get("runs");
            Map<String, Rank> ranks = new LinkedHashMap<>();
            for (ObjectNode entry : entries) {
                List<Double> earlier = new ArrayList<>();
                for (int i = runs.size() - 1; i >= 0; i--) {
                    JsonNode other = runs.get(i);
                    if (sameRunAndModel(other, entry)) {
                        runs.remove(i);
                    } else if (comparable(other, entry)) {
                        earlier.add(other.path("score").asDouble());
                    }
                }
                if (!earlier.isEmpty()) {
                    double score = entry.path("score").asDouble();
                    ranks.put(entry.path("model").asText(), new Rank(score,
                            Percentiles.rank(score, earlier.stream().mapToDouble(Double::doubleValue).toArray()), earlier.size()));
                }
                runs.add(entry);
            }
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            JsonSupport.MAPPER.writeValue(temp.toFile(), root);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return ranks;
        }
    }

    /** The board, or a new one when there is none; a damaged file is kept aside, never silently lost. */
    private static ObjectNode read(Path file) throws IOException {
        if (Files.exists(file)) {
            JsonNode root;
            try {
                root = JsonSupport.MAPPER.readTree(file.toFile());
            } catch (IOException e) {
                root = null;
            }
            if (root != null && root.isObject() && root.path("runs").isArray()) {
                return (ObjectNode) root;
            }
            Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
            Files.move(file, aside);
            System.err.println("[llm-bench] " + file + " was not a leaderboard; moved to " + aside + ", starting a new one");
        }
        ObjectNode root = JsonSupport.MAPPER.createObjectNode().put("schema_version", 1);
        root.putArray("runs");
        return root;
    }

    private static boolean sameRunAndModel(JsonNode a, JsonNode b) {
        return a.path("run_id").equals(b.path("run_id")) && a.path("model").equals(b.path("model"));
    }

    private static boolean comparable(JsonNode a, JsonNode b) {
        return a.path("model").equals(b.path("model")) && a.path("config_hash").equals(b.path("config_hash"))
                && a.path("suites").equals(b.path("suites"));
    }
}
