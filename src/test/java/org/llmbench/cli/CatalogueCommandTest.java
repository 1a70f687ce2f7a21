package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.json.Json;

/**
 * {@code report catalogue}: the site over a folder of submissions, each run marked verified by check-submission (the
 * seam the ledger re-scoring plugs into): the EXAMPLE passes, a copy with an e-mail address in its run.md does not.
 */
class CatalogueCommandTest {

    @TempDir
    Path tmp;

    private static Path example() throws Exception {
        try (Stream<Path> runs = Files.walk(Path.of("submissions/EXAMPLE"), 2)) {
            return runs.filter(p -> p.getFileName().toString().startsWith("run-")).findFirst().orElseThrow();
        }
    }

    /** The page's data: the rows its script reads. */
    private static JsonNode rows(Path page) throws Exception {
        String html = Files.readString(page);
        int start = html.indexOf('>', html.indexOf("id=\"catalogue-data\"")) + 1;
        return Json.MAPPER.readTree(html.substring(start, html.indexOf("</script>", start))).path("rows");
    }

    @Test
    void theExampleIsVerifiedAndACopyWithPrivateDataIsNot() throws Exception {
        Path example = example();
        Path root = tmp.resolve("submissions");
        CommandsTest.copy(example, root.resolve("EXAMPLE/example-device").resolve(example.getFileName()));
        String otherId = "11111111-2222-4333-8444-555555555555";
        Path leaked = root.resolve("EXAMPLE/example-device/run-" + otherId);
        CommandsTest.copy(example, leaked);
        Path manifest = leaked.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace(example.getFileName().toString().substring(4), otherId));
        Files.writeString(leaked.resolve("run.md"), Files.readString(leaked.resolve("run.md")) + "\nmail me: jane.doe@protonmail.com\n");
        // A copy whose results.json was forged: one answer's score lowered by hand.
        String forgedId = "22222222-3333-4444-8555-666666666666";
        Path forged = root.resolve("EXAMPLE/example-device/run-" + forgedId);
        CommandsTest.copy(example, forged);
        Path forgedManifest = forged.resolve("manifest.json");
        Files.writeString(forgedManifest, Files.readString(forgedManifest).replace(example.getFileName().toString().substring(4), forgedId));
        Path results = forged.resolve("results.json");
        Files.writeString(results, Files.readString(results).replaceFirst("\"score\": 100.0", "\"score\": 40.0"));

        Path site = tmp.resolve("site");
        Cli cli = Cli.run("report", "catalogue", root.toString(), "--out", site.toString());
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("catalogue: 3 runs (3 model results)").contains("index.html");

        JsonNode rows = rows(site.resolve("index.html"));
        assertThat(rows).hasSize(3);
        for (JsonNode row : rows) {
            boolean isLeaked = row.path("run").asText().equals(otherId);
            boolean isForged = row.path("run").asText().equals(forgedId);
            assertThat(row.path("verified").asBoolean()).as(row.toString()).isEqualTo(!isLeaked && !isForged);
            if (isLeaked) {
                assertThat(row.path("verdict").asText()).contains("run.md:").contains("email");
            }
            if (isForged) {
                assertThat(row.path("verdict").asText()).contains("results.json:");
            }
            assertThat(site.resolve(row.path("link").asText())).exists();
            assertThat(row.path("harness").asText()).isEqualTo("0.1.0-SNAPSHOT");
        }
        assertThat(Files.readString(site.resolve("index.html"))).contains("every recorded answer re-scored")
                .doesNotContain("jane.doe"); // the site never repeats what the privacy scan found

        // Written again into the same folder: the site is replaced, not refused.
        assertThat(Cli.run("report", "catalogue", root.toString(), "--out", site.toString()).exitCode()).isZero();
    }

    @Test
    void aFolderWithoutRunsIsAClearError() {
        Cli cli = Cli.run("report", "catalogue", tmp.toString(), "--out", tmp.resolve("site").toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(cli.err()).contains("no run folder with a ledger and a manifest under");
    }
}
