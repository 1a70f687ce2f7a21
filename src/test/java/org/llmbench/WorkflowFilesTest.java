package org.llmbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The GitHub Actions workflows parse as YAML and have the shape Actions requires (every job a runner and steps,
 * every step a {@code uses} or a {@code run}, closed expressions, {@code needs} naming real jobs); the sharded
 * benchmark's shard list agrees with its shard count and its merge job merges what the shard jobs upload.
 */
class WorkflowFilesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path WORKFLOWS = Path.of(".github/workflows");

    @Test
    void everyWorkflowHasTheShapeActionsRequires() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(WORKFLOWS)) {
            files = list.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("ci.yml", "bench-sharded.yml");
        for (Path file : files) {
            String text = Files.readString(file);
            JsonNode root = YAML.readTree(text);
            assertThat(root.path("name").isTextual()).as(file + " name").isTrue();
            assertThat(root.has("on")).as(file + " on").isTrue();
            JsonNode jobs = root.path("jobs");
            assertThat(jobs.isObject() && !jobs.isEmpty()).as(file + " jobs").isTrue();
            jobs.fields().forEachRemaining(job -> {
                String where = file + " job " + job.getKey();
                assertThat(job.getValue().path("runs-on").isTextual()).as(where + " runs-on").isTrue();
                assertThat(job.getValue().path("steps").isArray() && !job.getValue().path("steps").isEmpty())
                        .as(where + " steps").isTrue();
                job.getValue().path("steps").forEach(step -> assertThat(step.has("uses") ^ step.has("run"))
                        .as(where + " step " + step + ": exactly one of uses and run").isTrue());
                for (JsonNode need : needs(job.getValue())) {
                    assertThat(jobs.has(need.asText())).as(where + " needs " + need).isTrue();
                }
            });
            assertThat(count(text, "${{")).as(file + ": every ${{ is closed").isEqualTo(count(text, "}}"));
        }
    }

    @Test
    void theShardedBenchmarkRunsEveryShardOnceAndMergesThemWithTheGate() throws IOException {
        JsonNode root = YAML.readTree(WORKFLOWS.resolve("bench-sharded.yml").toFile());
        int shards = root.path("env").path("SHARDS").asInt();
        JsonNode shard = root.path("jobs").path("shard");
        List<Integer> listed = new ArrayList<>();
        shard.path("strategy").path("matrix").path("shard").forEach(n -> listed.add(n.asInt()));
        assertThat(shards).isGreaterThan(1);
        assertThat(listed).as("the shard list is 1..SHARDS").isEqualTo(java.util.stream.IntStream.rangeClosed(1, shards)
                .boxed().toList());
        assertThat(shard.path("services").path("ollama").path("image").asText()).startsWith("ollama/ollama");
        String run = steps(shard);
        assertThat(run).contains("--shard \"${{ matrix.shard }}/${{ env.SHARDS }}\"").contains("--run-group");
        JsonNode merge = root.path("jobs").path("merge");
        assertThat(needs(merge)).extracting(JsonNode::asText).containsExactly("shard");
        assertThat(merge.path("strategy").path("matrix").path("model"))
                .isEqualTo(shard.path("strategy").path("matrix").path("model"));
        assertThat(steps(merge)).contains("report merge").contains("--min-score").contains("shards/*/run-*/");
        assertThat(merge.toString()).contains("actions/download-artifact").contains("actions/upload-artifact");
        // The regression gate runs on the merged run (report merge --baseline judges it after merging).
        assertThat(steps(merge)).contains("--baseline \"$BASELINE\"").contains("--max-drop \"$MAX_DROP\"");
        assertThat(root.path("on").path("workflow_dispatch").path("inputs").has("baseline")).isTrue();
    }

    private static List<JsonNode> needs(JsonNode job) {
        JsonNode needs = job.path("needs");
        List<JsonNode> list = new ArrayList<>();
        if (needs.isTextual()) {
            list.add(needs);
        } else {
            needs.forEach(list::add);
        }
        return list;
    }

    private static String steps(JsonNode job) {
        StringBuilder sb = new StringBuilder();
        job.path("steps").forEach(s -> sb.append(s.path("run").asText()).append('\n'));
        return sb.toString();
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
