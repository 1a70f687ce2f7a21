package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.ledger.LedgerReader;
import org.llmbench.merge.ShardMerge;
import org.llmbench.report.QualityGate;
import org.llmbench.model.MockModelClient;
import org.llmbench.testing.BenchLauncher;

/**
 * {@code bench.shard=i/n} and {@code report merge}: three shards of a mock run of every phase, merged, are the
 * unsharded run test for test; units that must stay together do; a missing or doubled shard is refused by name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShardedRunTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Path whole;
    private final List<Path> shards = new ArrayList<>();

    @BeforeAll
    void runWholeAndThreeShards() throws IOException {
        whole = run(null);
        for (int i = 1; i <= 3; i++) {
            shards.add(run(i + "/3"));
        }
    }

    /** One run, as its own machine would do it: its own bench.out. */
    private static Path run(String shard) throws IOException {
        String out = EngineKits.freshOut();
        var kit = EngineKits.engine(new LlmBenchTestEngine(c -> new MockModelClient(c.seed())))
                .configurationParameter("bench.out", out)
                // Two models, one answering junk: scores vary, and parallel_mixed runs under the group [model:mock,mock:junk].
                .configurationParameter("bench.model", "mock,mock:junk")
                .configurationParameter("bench.phases", "all")
                .configurationParameter("bench.maxTasks", "1");
        if (shard != null) {
            kit.configurationParameter("bench.shard", shard);
        }
        kit.selectors(selectClass(EngineKits.ENTRY_CLASS)).execute().testEvents().assertStatistics(s -> s.aborted(0));
        return BenchLauncher.latestRun(Path.of(out));
    }

    @Test
    void threeShardsMergedEqualTheUnshardedRunTestForTest(@TempDir Path dir) throws Exception {
        ShardMerge.Merged merged = ShardMerge.merge(dir.resolve("merged"), shards, null);
        Map<String, JsonNode> expected = tasks(whole);
        Map<String, JsonNode> actual = tasks(merged.folder());
        assertThat(expected).hasSizeGreaterThan(120);
        assertThat(expected.values().stream().map(t -> t.path("score").asDouble()).distinct().count())
                .as("scores that vary").isGreaterThan(2);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((id, task) -> {
            JsonNode other = actual.get(id);
            assertThat(other.path("score").asDouble()).as(id).isEqualTo(task.path("score").asDouble());
            assertThat(other.path("weighted_score").asDouble()).as(id).isEqualTo(task.path("weighted_score").asDouble());
            assertThat(other.path("passed").asBoolean()).as(id).isEqualTo(task.path("passed").asBoolean());
        });
        assertThat(models(merged.folder())).isEqualTo(models(whole));
        assertThat(outcomes(merged.folder())).isEqualTo(outcomes(whole));
        for (String file : List.of("results.json", "metadata.json", "report.md", "report.html", "run.md", "manifest.json", "hardware.json",
                "hardware-shard-1-of-3.json", "hardware-shard-2-of-3.json", "hardware-shard-3-of-3.json")) {
            assertThat(merged.folder().resolve(file)).exists();
        }
        assertThat(Files.readString(merged.folder().resolve("run.md"))).contains("merged from 3 shards of run group cfg-");
        assertThat(Files.readString(shards.get(0).resolve("run.md"))).contains("shard 1/3 of run group cfg-");
        JsonNode manifest = MAPPER.readTree(merged.folder().resolve("manifest.json").toFile());
        assertThat(manifest.path("merged").path("shards")).hasSize(3);
        assertThat(manifest.has("shard")).isFalse();
        for (JsonNode model : MAPPER.readTree(whole.resolve("results.json").toFile()).path("models")) {
            assertThat(Files.readString(merged.folder().resolve("report.md"))).contains(String.format(java.util.Locale.ROOT,
                    "%s: weighted total: **%.2f / 100**", model.path("model").asText(), model.path("score_percent").asDouble()));
        }
        JsonNode metadataWhole = MAPPER.readTree(whole.resolve("metadata.json").toFile()).path("models");
        JsonNode metadataMerged = MAPPER.readTree(merged.folder().resolve("metadata.json").toFile()).path("models");
        metadataWhole.fields().forEachRemaining(m -> {
            assertThat(metadataMerged.path(m.getKey()).path("score").asDouble()).isEqualTo(m.getValue().path("score").asDouble());
            assertThat(metadataMerged.path(m.getKey()).path("passed").asInt()).isEqualTo(m.getValue().path("passed").asInt());
        });
        // Each line once, shard noted; one run_start and one run_end.
        List<JsonNode> lines = lines(merged.folder());
        long shardLines = shards.stream().mapToLong(s -> uncheckedLines(s).size()).sum();
        assertThat(lines).hasSize((int) shardLines + 2);
        assertThat(lines.stream().filter(e -> e.path("event").asText().equals("run_start"))).hasSize(1);
        assertThat(lines.stream().filter(e -> e.path("event").asText().equals("run_end"))).hasSize(1);
        assertThat(lines.subList(1, lines.size() - 1)).allMatch(e -> e.path("shard").asText().matches("[123]/3"));
        double total = java.util.stream.StreamSupport.stream(models(whole).spliterator(), false)
                .mapToDouble(m -> m.path("score_percent").asDouble()).min().orElseThrow();
        assertThat(QualityGate.verdict(merged.folder(), total - 1)).isEmpty();
        assertThat(QualityGate.verdict(merged.folder(), total + 1)).isPresent();
        assertThat(merged.folder().getFileName().toString()).matches("run-[0-9a-f-]{36}").isEqualTo("run-" + merged.runId());
        assertThatThrownBy(() -> ShardMerge.merge(dir.resolve("merged"), shards, null))
                .hasMessageContaining("these shards are merged already: " + merged.folder());
    }

    @Test
    void theShardsAreDisjointAndWhatMustStayTogetherDoes() throws IOException {
        Map<String, Set<String>> shardsOfSuite = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            String shard = (i + 1) + "/3";
            for (JsonNode e : lines(shards.get(i))) {
                if (e.path("event").asText().equals("test_end")) {
                    assertThat(seen.add(e.path("test_id").asText())).as("ended in one shard only").isTrue();
                    shardsOfSuite.computeIfAbsent(e.path("suite").asText(e.path("test_id").asText()
                            .replaceAll(".*\\[suite:([^\\]]+)].*", "$1")), k -> new HashSet<>()).add(shard);
                }
            }
            JsonNode manifest = MAPPER.readTree(shards.get(i).resolve("manifest.json").toFile());
            assertThat(manifest.path("shard").path("shard").asText()).isEqualTo(shard);
            assertThat(manifest.path("shard").path("run_group").asText()).startsWith("cfg-");
        }
        assertThat(seen).isEqualTo(outcomes(whole).keySet());
        // Per model: a phase that must stay whole runs in one shard (each model's phase is a unit of its own).
        Map<String, Set<String>> shardsOfModelPhase = new TreeMap<>();
        for (int i = 0; i < 3; i++) {
            for (JsonNode e : lines(shards.get(i))) {
                String id = e.path("test_id").asText();
                if (e.path("event").asText().equals("test_end") && id.matches(".*\\[suite:(edge_append|parallel_same|parallel_mixed|edge_suite)].*")) {
                    shardsOfModelPhase.computeIfAbsent(id.replaceAll("(.*\\[suite:[^\\]]+]).*", "$1"), k -> new HashSet<>())
                            .add((i + 1) + "/3");
                }
            }
        }
        assertThat(shardsOfModelPhase).hasSizeGreaterThanOrEqualTo(7);
        shardsOfModelPhase.forEach((phase, in) -> assertThat(in).as(phase + " runs in one shard").hasSize(1));
        assertThat(shardsOfSuite.values().stream().flatMap(Set::stream).distinct().count()).as("every shard ran something")
                .isEqualTo(3);
    }

    @Test
    void aMissingShardIsRefusedByName(@TempDir Path dir) {
        assertThatThrownBy(() -> ShardMerge.merge(dir.resolve("m"), List.of(shards.get(0), shards.get(2)), null))
                .isInstanceOf(ShardMerge.Refused.class)
                .hasMessageContaining("shard 2/3 missing")
                .hasMessageContaining("planned unit(s) in no shard: [engine:llm-bench]");
        assertThat(dir.resolve("m")).doesNotExist();
    }

    @Test
    void aDoubledShardIsRefusedByName(@TempDir Path dir) {
        assertThatThrownBy(() -> ShardMerge.merge(dir.resolve("m"), List.of(shards.get(0), shards.get(1), shards.get(1),
                shards.get(2)), null))
                .isInstanceOf(ShardMerge.Refused.class)
                .hasMessageContaining("shard 2/3 is given twice: " + shards.get(1) + ", " + shards.get(1))
                .hasMessageNotContaining("run by more than one shard");
    }

    @Test
    void aUnitInTwoShardsIsNamed(@TempDir Path dir) throws IOException {
        // Shard 3 claims a unit of shard 1 (its manifest edited): the unit is named with both shards.
        Path copy = dir.resolve("shard-3");
        Files.createDirectories(copy);
        for (String file : List.of("manifest.json", "hardware.json", "run.jsonl")) {
            Files.copy(shards.get(2).resolve(file), copy.resolve(file));
        }
        var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(copy.resolve("manifest.json").toFile());
        String stolen = MAPPER.readTree(shards.get(0).resolve("manifest.json").toFile()).path("shard").path("units").get(0).asText();
        ((com.fasterxml.jackson.databind.node.ArrayNode) manifest.path("shard").path("units")).add(stolen);
        MAPPER.writeValue(copy.resolve("manifest.json").toFile(), manifest);
        assertThatThrownBy(() -> ShardMerge.merge(dir.resolve("m"), List.of(shards.get(0), shards.get(1), copy), null))
                .hasMessageContaining("1 unit(s) run by more than one shard: " + stolen + " (shards 1/3, 3/3)")
                .hasMessageContaining("shard 3/3 (" + copy + ") has no recorded outcome for 1 unit(s): " + stolen);
    }

    @Test
    void aWholeRunOrAnotherRunGroupIsRefused(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> ShardMerge.merge(dir.resolve("m"), List.of(whole), null))
                .hasMessageContaining(whole + " is not a shard");
        Path other = run("2/3");
        // Same settings, another group: a shard of another run.
        var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(other.resolve("manifest.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) manifest.path("shard")).put("run_group", "nightly-2");
        MAPPER.writeValue(other.resolve("manifest.json").toFile(), manifest);
        assertThatThrownBy(() -> ShardMerge.merge(dir.resolve("m"), List.of(shards.get(0), other, shards.get(2)), null))
                .hasMessageContaining("the shards differ in run group")
                .hasMessageContaining("nightly-2 in " + other);
    }

    @Test
    void aTestWithoutAnOutcomeIsNamed(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("shard-2");
        Files.createDirectories(copy);
        for (String file : List.of("manifest.json", "hardware.json")) {
            Files.copy(shards.get(1).resolve(file), copy.resolve(file));
        }
        // The job was killed after its first test_end: the other tests of its part have no outcome.
        List<String> kept = new ArrayList<>();
        boolean ended = false;
        for (String line : Files.readAllLines(shards.get(1).resolve("run.jsonl"))) {
            if (!ended || line.contains("\"run_end\"")) {
                kept.add(line);
            }
            ended |= line.contains("\"test_end\"");
        }
        Files.write(copy.resolve("run.jsonl"), kept);
        assertThatThrownBy(() -> ShardMerge.merge(dir.resolve("m"), List.of(shards.get(0), copy, shards.get(2)), null))
                .hasMessageContaining("shard 2/3 (" + copy + ") has no recorded outcome for");
    }

    @Test
    void aUnitFallsInTheSamePartOnEveryMachine() {
        // Independent of this JVM: the first 8 bytes of SHA-256 as computed by Python's hashlib, mod n, plus 1.
        assertThat(ShardFilter.partOf("[engine:llm-bench]/[model:mock]/[suite:5q]/[question:Q01]", 3)).isEqualTo(2);
        assertThat(ShardFilter.partOf("[engine:llm-bench]/[model:mock]/[suite:edge_append]", 7)).isEqualTo(7);
    }

    private static Map<String, JsonNode> tasks(Path folder) throws IOException {
        Map<String, JsonNode> tasks = new TreeMap<>();
        MAPPER.readTree(folder.resolve("results.json").toFile()).path("tasks").forEach(t -> tasks.put(t.path("task_id").asText(), t));
        return tasks;
    }

    /** Each model's total, with its interval. */
    private static JsonNode models(Path folder) throws IOException {
        return MAPPER.readTree(folder.resolve("results.json").toFile()).path("models");
    }

    /** Each test's last outcome in the ledger. */
    private static Map<String, String> outcomes(Path folder) throws IOException {
        Map<String, String> outcomes = new HashMap<>();
        for (JsonNode e : lines(folder)) {
            if (e.path("event").asText().equals("test_end")) {
                outcomes.put(e.path("test_id").asText(), e.path("status").asText());
            }
        }
        return outcomes;
    }

    private static List<JsonNode> lines(Path folder) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        LedgerReader.forEach(folder.resolve("run.jsonl"), lines::add);
        return lines;
    }

    private static List<JsonNode> uncheckedLines(Path folder) {
        try {
            return lines(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
