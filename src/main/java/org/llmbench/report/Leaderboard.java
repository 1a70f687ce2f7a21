package org.llmbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
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
import java.util.Objects;
import java.util.function.Consumer;
import org.llmbench.json.Json;
import org.llmbench.record.Manifest;

/**
 * leaderboard.json: one entry per run and model (run id, date, model, provider, device, suites, score,
 * config hash), appended at the end of each run. Entries with the same model, suites and config hash are
 * comparable, and a run's percentile rank is taken among those.
 */
public final class Leaderboard {

    /** The file name, kept in bench.out beside the run folders. */
    public static final String FILE = "leaderboard.json";

    /** Where one model's score of this run stands among the earlier comparable runs. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Rank(double score, double percentile, int earlierRuns) {
    }

    private Leaderboard() {
    }

    /**
     * The file: its entries kept as written, so an entry this version cannot read (hand-edited, a later
     * version's) stays in the board and only drops out of the ranks. Read and written as trees, not by Jackson's
     * data binding, whose first use costs a run 30-70 ms of CPU (docs/PERFORMANCE.md).
     */
    record Board(int schemaVersion, List<JsonNode> runs) {

        private static final String SCHEMA_VERSION = "schema_version";
        private static final String RUNS = "runs";

        static Board empty() {
            return new Board(1, new ArrayList<>());
        }

        /** The board in {@code root}, or null when it is none. */
        static Board of(JsonNode root) {
            if (root == null || !root.isObject() || !root.path(RUNS).isArray()
                    || !(root.path(SCHEMA_VERSION).isMissingNode() || root.path(SCHEMA_VERSION).canConvertToInt())) {
                return null;
            }
            List<JsonNode> runs = new ArrayList<>();
            root.path(RUNS).forEach(runs::add);
            return new Board(root.path(SCHEMA_VERSION).asInt(0), runs);
        }

        ObjectNode toTree() {
            ObjectNode root = Json.MAPPER.createObjectNode().put(SCHEMA_VERSION, schemaVersion);
            root.putArray(RUNS).addAll(runs);
            return root;
        }
    }

    /** One run's score of one model; entries with the same model, suites and config hash are comparable. */
    public record Entry(String runId, String date, String model, String provider, String device, List<String> suites,
                        double score, int tests, int passed, String configHash, String harnessVersion) {

        private static final String RUN_ID = "run_id";
        private static final String DATE = "date";
        private static final String MODEL = "model";
        private static final String PROVIDER = "provider";
        private static final String DEVICE = "device";
        private static final String SUITES = "suites";
        private static final String SCORE = "score";
        private static final String TESTS = "tests";
        private static final String PASSED = "passed";
        private static final String CONFIG_HASH = "config_hash";
        private static final String HARNESS_VERSION = "harness_version";

        /** The entry in {@code node}, or null when it is none (not an object, or a field of another type). */
        static Entry of(JsonNode node) {
            if (node == null || !node.isObject()) {
                return null;
            }
            for (String text : List.of(RUN_ID, DATE, MODEL, PROVIDER, DEVICE, CONFIG_HASH, HARNESS_VERSION)) {
                if (!node.path(text).isMissingNode() && !node.path(text).isTextual() && !node.path(text).isNull()) {
                    return null;
                }
            }
            JsonNode suites = node.path(SUITES);
            if (!suites.isMissingNode() && !suites.isNull() && !suites.isArray()
                    || !numberOrAbsent(node.path(SCORE)) || !numberOrAbsent(node.path(TESTS)) || !numberOrAbsent(node.path(PASSED))) {
                return null;
            }
            List<String> names = null;
            if (suites.isArray()) {
                names = new ArrayList<>();
                for (JsonNode s : suites) {
                    if (!s.isTextual()) {
                        return null;
                    }
                    names.add(s.asText());
                }
            }
            return new Entry(node.path(RUN_ID).textValue(), node.path(DATE).textValue(), node.path(MODEL).textValue(),
                    node.path(PROVIDER).textValue(), node.path(DEVICE).textValue(), names, node.path(SCORE).asDouble(0),
                    node.path(TESTS).asInt(0), node.path(PASSED).asInt(0), node.path(CONFIG_HASH).textValue(),
                    node.path(HARNESS_VERSION).textValue());
        }

        private static boolean numberOrAbsent(JsonNode value) {
            return value.isMissingNode() || value.isNull() || value.isNumber();
        }

        ObjectNode toTree() {
            ObjectNode o = Json.MAPPER.createObjectNode().put(RUN_ID, runId).put(DATE, date).put(MODEL, model)
                    .put(PROVIDER, provider).put(DEVICE, device);
            if (suites == null) {
                o.putNull(SUITES);
            } else {
                suites.forEach(o.putArray(SUITES)::add);
            }
            return o.put(SCORE, score).put(TESTS, tests).put(PASSED, passed).put(CONFIG_HASH, configHash)
                    .put(HARNESS_VERSION, harnessVersion);
        }

        boolean sameRunAndModel(Entry other) {
            return Objects.equals(runId, other.runId) && Objects.equals(model, other.model);
        }

        boolean comparable(Entry other) {
            return Objects.equals(model, other.model) && Objects.equals(configHash, other.configHash)
                    && Objects.equals(suites, other.suites);
        }
    }

    /** The entries of a finished run, one per model, from its manifest.json and metadata. */
    static List<Entry> entries(Manifest manifest, MetadataFile metadata) {
        List<Entry> entries = new ArrayList<>();
        metadata.models().forEach((model, figures) -> entries.add(new Entry(metadata.runId(),
                MarkdownReport.text(manifest.startedAt()), model, MarkdownReport.text(manifest.provider()),
                MarkdownReport.text(manifest.device()), manifest.suites(), Math.round(figures.score().score() * 100) / 100.0,
                figures.tests(), figures.passed(), metadata.configHash(), MarkdownReport.text(manifest.harnessVersion()))));
        return entries;
    }

    /**
     * Adds the entries (replacing earlier ones of the same run and model, as a resumed run finishes again)
     * and returns, per model, its rank among the other runs with the same model, suites and config hash; a damaged
     * board is moved aside, and {@code problems} told where.
     */
    public static Map<String, Rank> append(Path file, List<Entry> entries, Consumer<String> problems) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path lock = file.resolveSibling(file.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var held = channel.lock()) {
            Board board = read(file, problems);
            List<JsonNode> runs = board.runs();
            Map<String, Rank> ranks = new LinkedHashMap<>();
            for (Entry entry : entries) {
                List<Double> earlier = new ArrayList<>();
                for (int i = runs.size() - 1; i >= 0; i--) {
                    Entry other = entry(runs.get(i));
                    if (other != null && other.sameRunAndModel(entry)) {
                        runs.remove(i);
                    } else if (other != null && other.comparable(entry)) {
                        earlier.add(other.score());
                    }
                }
                if (!earlier.isEmpty()) {
                    ranks.put(entry.model(), new Rank(entry.score(),
                            Percentiles.rank(entry.score(), earlier.stream().mapToDouble(Double::doubleValue).toArray()),
                            earlier.size()));
                }
                runs.add(entry.toTree());
            }
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Json.PRETTY.writeValue(temp.toFile(), board.toTree());
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return ranks;
        }
    }

    /** The board, or a new one when there is none; a damaged file is kept aside, never silently lost. */
    private static Board read(Path file, Consumer<String> problems) throws IOException {
        if (Files.exists(file)) {
            Board board;
            try {
                board = Board.of(Json.MAPPER.readTree(file.toFile()));
            } catch (IOException e) {
                board = null;
            }
            if (board != null && board.runs() != null) {
                return new Board(board.schemaVersion(), new ArrayList<>(board.runs()));
            }
            Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
            Files.move(file, aside);
            problems.accept("[llm-bench] " + file + " was not a leaderboard; moved to " + aside + ", starting a new one");
        }
        return Board.empty();
    }

    /** An earlier entry, or null when it is no entry (a hand-edited board): kept in the file, left out of ranks. */
    private static Entry entry(JsonNode node) {
        return Entry.of(node);
    }
}
