package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.suite.SuiteLoader;
import org.llmbench.suite.SuiteOrigin;

/** {@code list} tells what a run with the same flags would run, with the weights that run records. */
class ListCommandTest {

    @TempDir
    Path tmp;

    /** TEST -> WEIGHT column of list's table (the header and the closing count left out). */
    private static Map<String, String> weights(String listOutput) {
        Map<String, String> weights = new LinkedHashMap<>();
        listOutput.lines().skip(1).map(String::trim).filter(l -> l.startsWith("mock/"))
                .map(l -> l.split("\\s+")).forEach(cols -> weights.put(cols[0], cols[1]));
        return weights;
    }

    @Test
    void listPrintsTheWeightEveryTestOfTheRunIsRecordedWith() throws IOException {
        Path config = Files.writeString(tmp.resolve("config.json"), "{\"suite\": {\"weights\": {\"5q\": 2.5, \"reasoning\": 3}}}");
        String[] flags = {"--model", "mock", "--phases", "5q,tasks", "--max-tasks", "1", "--config", config.toString()};

        Cli list = Cli.run(concat("list", flags));
        Cli run = Cli.run(concat("run", concat(flags, "--out", tmp.resolve("out").toString())));

        assertThat(list.exitCode()).as(list.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        Map<String, String> listed = weights(list.out());
        JsonNode results = new ObjectMapper().readTree(
                CommandsTest.onlyRun(tmp.resolve("out")).resolve("results.json").toFile());
        Map<String, String> recorded = new LinkedHashMap<>();
        results.path("tasks").forEach(t -> recorded.put(ListCommand.shortName(t.path("task_id").asText()),
                String.format(java.util.Locale.ROOT, "%.2f", t.path("weight").asDouble())));
        // Every scored test (tasks that need a missing python3 are skipped, not scored) is listed with its weight.
        assertThat(recorded).hasSizeGreaterThanOrEqualTo(10);
        assertThat(listed).containsAllEntriesOf(recorded);
        // The defaults of the kinds and the config file's weights, not 1.00 for all.
        assertThat(listed).containsEntry("mock/5q/Q03", "2.50").containsEntry("mock/tasks/code_fix-java-01", "2.00")
                .containsEntry("mock/tasks/algorithm-shortest_path-01", "2.00").containsEntry("mock/tasks/json_extraction-01", "1.00");
        assertThat(listed.entrySet()).anyMatch(e -> e.getKey().startsWith("mock/tasks/reasoning-") && e.getValue().equals("3.00"));
    }

    @Test
    void listNamesTheGeneratorClassOfATaskAndTheFileAndLineOfAQuestion() throws Exception {
        Cli list = Cli.run("list", "--model", "mock", "--phases", "5q,tasks", "--max-tasks", "1");

        int line = SuiteLoader.load(SuiteOrigin.ofFile(Path.of("suites/5q.json"))).question("Q03").orElseThrow().line();
        assertThat(list.out()).doesNotContain("ClassSource").doesNotContain("filePosition")
                .containsPattern("mock/tasks/code_fix-java-01 .* org\\.llmbench\\.tasks\\.CodeFixTasks\\R")
                .containsPattern("mock/5q/Q03 .* suites/5q\\.json:" + line + "\\R");
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
