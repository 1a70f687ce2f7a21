package org.llmbench.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.BenchKeys;
import org.llmbench.config.ConfigLoader;
import org.llmbench.config.Source;
import org.llmbench.record.HardwareWriter;
import org.llmbench.record.RecordReader;
import org.llmbench.record.RecordWriter;
import org.llmbench.record.RunEvent;
import org.llmbench.record.Stamp;

/**
 * Joins the run folders of the n shards of one run ({@code bench.shard=i/n}) into one run folder, as if the run
 * had run on one machine: it refuses shards of different run groups, settings or harness versions, a shard given
 * twice or missing, a unit planned by two shards, and a planned unit without a recorded outcome, naming each.
 * The merged ledger holds every line of every shard once, marked with its shard (a shard's {@code run_start} and
 * {@code run_end} become {@code shard_start} and {@code shard_end}), between one {@code run_start} and one
 * {@code run_end}; results, metadata, report.md and run.md are then written from it by the run's own writers.
 */
public final class ShardMerge {

    /** Why shards cannot be merged: every problem found, each naming the shards, folders or units concerned. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        Refused(List<String> problems) {
            super("cannot merge: " + String.join("; ", problems), null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** The merged run: its folder, id, how many shards, and its totals (derived from the merged ledger). */
    public record Merged(Path folder, String runId, String runGroup, int shards, RunSummary summary) {
    }

    /** One shard folder as read. */
    private record Part(Path folder, ObjectNode manifest, JsonNode shard, int index, int count) {
        String name() {
            return index + "/" + count + " (" + folder + ")";
        }
    }

    /** How many ids a problem names before it says "and N more". */
    private static final int NAMED = 20;

    private ShardMerge() {
    }

    /**
     * Checks the shard folders and writes the merged run folder {@code out/run-<id>}, as a run writes its folder
     * under {@code bench.out}.
     *
     * @param leaderboard the leaderboard file to add the merged run to, or null for none
     */
    public static Merged merge(Path out, List<Path> shardFolders, Path leaderboard) throws IOException, Refused {
        List<String> problems = new ArrayList<>();
        List<Part> parts = read(shardFolders, problems);
        if (problems.isEmpty()) {
            checkSameRun(parts, problems);
        }
        if (problems.isEmpty()) {
            // Shards of one run: now name every missing or doubled shard, unit and outcome at once.
            // A shard given twice doubles each of its units: name the shard, not every unit again.
            boolean doubled = checkShards(parts, problems);
            checkUnits(parts, problems, doubled);
            checkOutcomes(parts, problems, doubled);
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        parts.sort(java.util.Comparator.comparingInt(Part::index));
        String runId = runId(parts);
        Path folder = out.resolve("run-" + runId);
        if (Files.exists(folder)) {
            throw new Refused(List.of("these shards are merged already: " + folder + " exists"));
        }
        return write(folder, runId, parts, leaderboard);
    }

    /**
     * The merged run's id: a UUID named by the run group and the shards' run ids, so the same shards always
     * merge into the same run (a second merge finds it) and other shards of the same group never do.
     */
    static String runId(List<Part> parts) {
        StringBuilder name = new StringBuilder("llm-bench merge ").append(parts.get(0).shard().path("run_group").asText());
        parts.forEach(p -> name.append(' ').append(p.manifest().path("run_id").asText()));
        return java.util.UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static List<Part> read(List<Path> folders, List<String> problems) throws IOException {
        List<Part> parts = new ArrayList<>();
        if (folders.isEmpty()) {
            problems.add("no shard folder given");
        }
        for (Path folder : folders) {
            Path manifestFile = folder.resolve("manifest.json");
            if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(folder.resolve("run.jsonl"))) {
                problems.add(folder + " is not a run folder (no manifest.json or run.jsonl)");
                continue;
            }
            JsonNode read;
            try {
                read = JsonSupport.MAPPER.readTree(manifestFile.toFile());
            } catch (IOException e) {
                read = null;
            }
            if (!(read instanceof ObjectNode manifest)) {
                problems.add(folder + "/manifest.json is not a JSON object");
                continue;
            }
            JsonNode shard = manifest.path("shard");
            if (!shard.isObject()) {
                problems.add(folder + " is not a shard (its manifest has no shard: run it with bench.shard=i/n)");
                continue;
            }
            parts.add(new Part(folder, manifest, shard, shard.path("index").asInt(), shard.path("count").asInt()));
        }
        return parts;
    }

    private static void checkSameRun(List<Part> parts, List<String> problems) {
        same(parts, "run group", p -> p.shard().path("run_group").asText(), problems);
        same(parts, "settings (config hash)", p -> p.shard().path("config_hash").asText(), problems);
        same(parts, "harness version", p -> p.manifest().path("harness_version").asText(), problems);
        same(parts, "shard count", p -> Integer.toString(p.count()), problems);
    }

    private static void same(List<Part> parts, String what, java.util.function.Function<Part, String> value,
                             List<String> problems) {
        Map<String, List<String>> byValue = new TreeMap<>();
        parts.forEach(p -> byValue.computeIfAbsent(value.apply(p), k -> new ArrayList<>()).add(p.folder().toString()));
        if (byValue.size() > 1) {
            StringBuilder sb = new StringBuilder("the shards differ in " + what + ":");
            byValue.forEach((v, folders) -> sb.append(' ').append(v).append(" in ").append(String.join(", ", folders)).append(';'));
            problems.add(sb.substring(0, sb.length() - 1));
        }
    }

    /** Names every shard given twice or missing; whether one was given twice. */
    private static boolean checkShards(List<Part> parts, List<String> problems) {
        int count = parts.get(0).count();
        Map<Integer, List<Part>> byIndex = new TreeMap<>();
        parts.forEach(p -> byIndex.computeIfAbsent(p.index(), k -> new ArrayList<>()).add(p));
        byIndex.forEach((index, same) -> {
            if (same.size() > 1) {
                problems.add("shard " + index + "/" + count + " is given twice: "
                        + String.join(", ", same.stream().map(p -> p.folder().toString()).toList()));
            }
        });
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i + "/" + count);
            }
        }
        if (!missing.isEmpty()) {
            problems.add("shard" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " missing");
        }
        return byIndex.values().stream().anyMatch(same -> same.size() > 1);
    }

    private static void checkUnits(List<Part> parts, List<String> problems, boolean shardDoubled) {
        List<String> planned = texts(parts.get(0).shard().path("run_units"));
        for (Part p : parts.subList(1, parts.size())) {
            if (!texts(p.shard().path("run_units")).equals(planned)) {
                Set<String> own = new LinkedHashSet<>(texts(p.shard().path("run_units")));
                Set<String> onlyHere = new LinkedHashSet<>(own);
                planned.forEach(onlyHere::remove);
                Set<String> onlyThere = new LinkedHashSet<>(planned);
                onlyThere.removeAll(own);
                problems.add("shard " + p.name() + " planned another run than shard " + parts.get(0).name()
                        + " (did discovery differ between the machines?): only in " + p.index() + ": " + names(onlyHere)
                        + "; only in " + parts.get(0).index() + ": " + names(onlyThere));
            }
        }
        Map<String, List<String>> shardsOf = new LinkedHashMap<>();
        for (Part p : parts) {
            for (String unit : texts(p.shard().path("units"))) {
                shardsOf.computeIfAbsent(unit, k -> new ArrayList<>()).add(p.index() + "/" + p.count());
            }
        }
        List<String> doubled = shardsOf.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " (shards " + String.join(", ", e.getValue()) + ")").toList();
        if (!doubled.isEmpty() && !shardDoubled) {
            problems.add(doubled.size() + " unit(s) run by more than one shard: " + names(doubled));
        }
        List<String> unrun = planned.stream().filter(u -> !shardsOf.containsKey(u)).toList();
        if (!unrun.isEmpty()) {
            problems.add(unrun.size() + " planned unit(s) in no shard: " + names(unrun));
        }
        Set<String> plannedSet = new HashSet<>(planned);
        List<String> unplanned = shardsOf.keySet().stream().filter(u -> !plannedSet.contains(u)).toList();
        if (!unplanned.isEmpty()) {
            problems.add(unplanned.size() + " unit(s) run but not planned: " + names(unplanned));
        }
    }

    /** Every unit of each shard has an outcome in its ledger, no test ended in two shards, and each shard finished. */
    private static void checkOutcomes(List<Part> parts, List<String> problems, boolean shardDoubled)
            throws IOException {
        Map<String, String> endedIn = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (Part p : parts) {
            Set<String> ended = new HashSet<>();
            boolean[] finished = {false};
            LedgerReader.forEach(p.folder().resolve("run.jsonl"), e -> {
                String type = e.path("event").asText();
                String id = e.path("test_id").asText(null);
                if (type.equals("run_end")) {
                    finished[0] = true;
                }
                if (id != null && (type.equals("test_end") || type.equals("test_skipped") || type.equals("container_failed"))) {
                    ended.add(id);
                }
            });
            for (String id : ended) {
                String other = endedIn.putIfAbsent(id, p.index() + "/" + p.count());
                if (other != null) {
                    twice.add(id + " (shards " + other + ", " + p.index() + "/" + p.count() + ")");
                }
            }
            if (!finished[0]) {
                problems.add("shard " + p.name() + " did not finish (its ledger has no run_end): resume it with its "
                        + "bench.runId, then merge");
            }
            // A test ended, or a container that runs whole ended a test below it or failed as a whole.
            Set<String> reached = withAncestors(ended);
            List<String> noOutcome = texts(p.shard().path("units")).stream().filter(u -> !reached.contains(u)).toList();
            if (!noOutcome.isEmpty()) {
                problems.add("shard " + p.name() + " has no recorded outcome for " + noOutcome.size() + " unit(s): "
                        + names(noOutcome));
            }
        }
        if (!twice.isEmpty() && !shardDoubled) {
            problems.add(twice.size() + " test(s) recorded by more than one shard: " + names(twice));
        }
    }

    /** The ids that ended and every container above them (unique-id segments are joined by "/["). */
    private static Set<String> withAncestors(Set<String> ended) {
        Set<String> all = new HashSet<>(ended);
        for (String id : ended) {
            for (int cut = id.lastIndexOf("/["); cut > 0; cut = id.lastIndexOf("/[", cut - 1)) {
                all.add(id.substring(0, cut));
            }
        }
        return all;
    }

    private static Merged write(Path out, String runId, List<Part> parts, Path leaderboard) throws IOException {
        Files.createDirectories(out);
        Part first = parts.get(0);
        String group = first.shard().path("run_group").asText();
        String configHash = first.shard().path("config_hash").asText();
        Path ledger = out.resolve("run.jsonl");
        long tests = 0;
        long longest = 0;
        List<String> models = new ArrayList<>();
        List<String> suites = new ArrayList<>();
        for (Part p : parts) {
            tests += p.manifest().path("tests_planned").asLong();
            texts(p.manifest().path("models")).stream().filter(m -> !models.contains(m)).forEach(models::add);
            texts(p.manifest().path("suites")).stream().filter(s -> !suites.contains(s)).forEach(suites::add);
        }
        try (RecordWriter w = RecordWriter.append(ledger)) {
            w.write(new RunEvent.RunStart(Stamp.now(runId), first.manifest().path("harness_version").asText(), false,
                    models, suites, tests, null, null, new RunEvent.Merge(group, parts.size())));
            for (Part p : parts) {
                long[] duration = {0};
                String shard = p.index() + "/" + p.count();
                RecordReader.forEach(p.folder().resolve("run.jsonl"), e -> {
                    RunEvent copied = e;
                    if (e instanceof RunEvent.RunStart start) {
                        copied = new RunEvent.ShardStart(start);
                    } else if (e instanceof RunEvent.RunEnd end) {
                        copied = new RunEvent.ShardEnd(end);
                        duration[0] = Math.max(duration[0], end.durationMs());
                    }
                    w.write(copied.withStamp(copied.stamp().inShard(shard)));
                });
                longest = Math.max(longest, duration[0]);
            }
            RunSummary summary = RunSummary.of(ledger);
            Map<String, Double> totals = summary.modelScores();
            w.write(new RunEvent.RunEnd(Stamp.now(runId), longest, new TreeMap<>(summary.statuses()), summary.scored(),
                    totals.size() == 1 ? totals.values().iterator().next() : null, totals, parts.size()));
        }
        RunSummary summary = RunSummary.of(ledger);
        writeManifest(out, parts, runId, tests);
        writeHardware(out, parts);
        RunReports.write(out, ledger, runId, configHash, summary, leaderboard,
                "a merge adds to the leaderboard only when asked (--leaderboard FILE)");
        BenchConfig config = settings(first);
        RunNotesWriter.write(out, new PlannedRun(config, runId, models, suites, Map.of(), tests, Map.of()), longest);
        return new Merged(out, runId, group, parts.size(), summary);
    }

    private static void writeManifest(Path out, List<Part> parts, String runId, long tests) throws IOException {
        ObjectNode manifest = parts.get(0).manifest().deepCopy();
        manifest.put("run_id", runId);
        manifest.put("tests_planned", tests);
        manifest.put("tests_added_at_run_time", parts.stream()
                .mapToLong(p -> p.manifest().path("tests_added_at_run_time").asLong()).sum());
        String started = parts.stream().map(p -> p.manifest().path("started_at").asText()).min(String::compareTo).orElse("");
        manifest.put("started_at", started);
        manifest.remove("shard");
        ObjectNode merged = manifest.putObject("merged");
        merged.put("run_group", parts.get(0).shard().path("run_group").asText());
        merged.put("config_hash", parts.get(0).shard().path("config_hash").asText());
        merged.put("merged_at", Instant.now().toString());
        merged.put("run_units", parts.get(0).shard().path("run_units_planned").asInt());
        ArrayNode shards = merged.putArray("shards");
        ArrayNode figures = JsonSupport.MAPPER.createArrayNode();
        ObjectNode details = JsonSupport.MAPPER.createObjectNode();
        for (Part p : parts) {
            ObjectNode s = shards.addObject();
            s.put("shard", p.index() + "/" + p.count());
            s.put("run_id", p.manifest().path("run_id").asText());
            s.put("started_at", p.manifest().path("started_at").asText());
            s.put("tests_planned", p.manifest().path("tests_planned").asLong());
            s.put("units", p.shard().path("units").size());
            s.put("target_url", p.manifest().path("target_url").asText());
            s.set("host", p.manifest().path("host"));
            s.put("hardware", hardwareFile(p));
            p.manifest().path("phase_figures").forEach(f -> figures.add(((ObjectNode) f.deepCopy()).put("shard", p.index() + "/" + p.count())));
            if (p.manifest().path("model_details").isObject()) {
                details.setAll((ObjectNode) p.manifest().path("model_details"));
            }
        }
        if (!figures.isEmpty()) {
            manifest.set("phase_figures", figures);
        }
        if (!details.isEmpty()) {
            manifest.set("model_details", details);
        }
        JsonSupport.MAPPER.writeValue(out.resolve("manifest.json").toFile(), manifest);
    }

    private static String hardwareFile(Part p) {
        return "hardware-shard-" + p.index() + "-of-" + p.count() + ".json";
    }

    /** Each machine's hardware as its own file; hardware.json is the first's, with a note naming the others. */
    private static void writeHardware(Path out, List<Part> parts) throws IOException {
        ObjectNode firstHardware = null;
        for (Part p : parts) {
            Path file = p.folder().resolve(HardwareWriter.FILE);
            if (Files.isRegularFile(file)) {
                Files.copy(file, out.resolve(hardwareFile(p)));
                if (firstHardware == null) {
                    firstHardware = (ObjectNode) JsonSupport.MAPPER.readTree(file.toFile());
                }
            }
        }
        if (firstHardware != null) {
            String others = String.join(", ", parts.stream().map(ShardMerge::hardwareFile).toList());
            String notes = firstHardware.path("notes").asText("");
            firstHardware.put("notes", (notes.isEmpty() ? "" : notes + " ") + "Merged run of " + parts.size()
                    + " shards: this is shard " + parts.get(0).index() + "'s machine; each machine is in " + others + ".");
            JsonSupport.MAPPER.writeValue(out.resolve(HardwareWriter.FILE).toFile(), firstHardware);
        }
    }

    /**
     * The settings of the run, rebuilt from a shard's recorded {@code effective_config} (what was given, with the
     * recorded weights) without its shard, for run.md's summary, deviations and reproduce command.
     */
    static BenchConfig settings(Part part) throws IOException {
        Map<String, String> given = new LinkedHashMap<>();
        part.manifest().path("effective_config").fields().forEachRemaining(e -> {
            String label = e.getValue().path("source").asText();
            JsonNode value = e.getValue().path("value");
            if (value.isValueNode() && !value.isNull() && (label.startsWith("parameter") || label.startsWith("config file"))) {
                given.put(e.getKey(), value.asText());
            }
        });
        String configFile = given.remove(BenchKeys.CONFIG.name());
        given.remove(BenchKeys.SHARD.name());
        given.remove(BenchKeys.RUN_ID.name());
        given.remove(BenchKeys.RETRY_ERRORS.name());
        given.remove(BenchKeys.RUN_POINTER.name());
        // The weights as the shard recorded them, through a config file of their own: a config file is where they live.
        Path weights = Files.createTempFile("llm-bench-merge-weights", ".json");
        try {
            ObjectNode file = JsonSupport.MAPPER.createObjectNode();
            file.putObject("suite").set("weights", part.manifest().path("weights"));
            JsonSupport.MAPPER.writeValue(weights.toFile(), file);
            given.put(BenchKeys.CONFIG.name(), weights.toString());
            ConfigLoader.Result loaded = ConfigLoader.load(k -> Optional.ofNullable(given.get(k)));
            return loaded.config().with(BenchKeys.CONFIG, configFile,
                    configFile == null ? Source.DEFAULT : Source.PARAMETER);
        } finally {
            Files.deleteIfExists(weights);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.asText()));
        return texts;
    }

    private static String names(java.util.Collection<String> ids) {
        List<String> list = new ArrayList<>(ids);
        if (list.isEmpty()) {
            return "none";
        }
        String shown = String.join(", ", list.subList(0, Math.min(NAMED, list.size())));
        return list.size() > NAMED ? shown + " and " + (list.size() - NAMED) + " more" : shown;
    }
}
