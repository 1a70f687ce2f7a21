package org.llmbench.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.json.Json;

/**
 * Merging the golden shards again (written by the harness before the record was typed, see
 * src/test/resources/golden-ledgers/README.md) gives the golden merged folder: the same run id, the same ledger line
 * for line (the merge's own start and end aside, which carry the time of the merge), the same results, metadata and
 * manifest.
 */
class GoldenMergeTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden-ledgers/merged");

    @TempDir
    Path out;

    private static Path only(Path dir) throws IOException {
        try (Stream<Path> runs = Files.list(dir)) {
            return runs.filter(p -> p.getFileName().toString().startsWith("run-")).findFirst().orElseThrow();
        }
    }

    private static JsonNode read(Path file, String... without) throws IOException {
        JsonNode tree = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(Json.MAPPER.readTree(file.toFile())));
        for (String field : without) {
            ((ObjectNode) tree).remove(field);
        }
        return tree;
    }

    @Test
    void mergingTheGoldenShardsAgainGivesTheGoldenMergedFolder() throws Exception {
        List<Path> shards;
        try (Stream<Path> s = Files.list(GOLDEN.resolve("shards"))) {
            shards = s.sorted().toList();
        }
        ShardMerge.Merged merged = ShardMerge.merge(out, shards, null);
        Path golden = only(GOLDEN);
        assertThat(merged.folder().getFileName()).isEqualTo(golden.getFileName());

        List<String> was = Files.readAllLines(golden.resolve("run.jsonl"));
        List<String> now = Files.readAllLines(merged.folder().resolve("run.jsonl"));
        assertThat(now).hasSameSizeAs(was);
        assertThat(now.subList(1, now.size() - 1)).containsExactlyElementsOf(was.subList(1, was.size() - 1));
        for (int i : new int[] {0, now.size() - 1}) {
            // Same fields in the same order, the time of the merge aside.
            assertThat(now.get(i).replaceFirst("\"ts\":\"[^\"]*\"", "")).isEqualTo(was.get(i).replaceFirst("\"ts\":\"[^\"]*\"", ""));
        }

        assertThat(read(merged.folder().resolve("results.json"))).isEqualTo(read(golden.resolve("results.json")));
        assertThat(read(merged.folder().resolve("metadata.json"), "written_at"))
                .isEqualTo(read(golden.resolve("metadata.json"), "written_at"));
        ObjectNode manifest = (ObjectNode) read(merged.folder().resolve("manifest.json"));
        ObjectNode expected = (ObjectNode) read(golden.resolve("manifest.json"));
        for (ObjectNode m : List.of(manifest, expected)) {
            ((ObjectNode) m.path("merged")).remove("merged_at");
        }
        assertThat(manifest).isEqualTo(expected);
        assertThat(Set.copyOf(List.of(Files.list(merged.folder()).map(p -> p.getFileName().toString()).toArray(String[]::new))))
                .contains("run.jsonl", "manifest.json", "results.json", "metadata.json", "report.md", "run.md");
    }

    @Test
    void ancestorsFollowTheSegmentsOfUniqueIdsWhateverTheyHold() {
        assertThat(MergeChecks.withAncestors(Set.of("[engine:llm-bench]/[model:a%2F%5Bb]/[suite:s]/[question:q%2F%5B1]")))
                .contains("[engine:llm-bench]/[model:a%2F%5Bb]/[suite:s]", "[engine:llm-bench]/[model:a%2F%5Bb]",
                        "[engine:llm-bench]")
                .hasSize(4);
        assertThat(MergeChecks.withAncestors(Set.of("not a unique id"))).containsExactly("not a unique id");
    }
}
