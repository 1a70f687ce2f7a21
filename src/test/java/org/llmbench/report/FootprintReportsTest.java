package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.json.Json;
import org.llmbench.record.Energy;
import org.llmbench.record.EnergyReading;
import org.llmbench.record.Memory;
import org.llmbench.record.MemoryReading;
import org.llmbench.record.RunEvent.Footprint;
import org.llmbench.record.Stamp;
import org.llmbench.record.Unavailable;

/**
 * The footprint events of a ledger in every report: results.json and metadata.json per model (the highest memory,
 * the energy of both processes added up, per question, per token and per correct answer), the console line, and
 * report.html's table and plots; a model whose energy nobody measured says why, never 0.
 */
class FootprintReportsTest {

    private static final long MIB = 1024L * 1024;

    @TempDir
    Path dir;

    private static Footprint footprint(String model, long atLoadMib, long peakMib, Double joules) {
        Memory memory = new Memory(atLoadMib * MIB, peakMib * MIB, "process_rss", null, null, null, 4096L,
                List.of(new MemoryReading("process_rss", "server", atLoadMib * MIB, peakMib * MIB)), List.of());
        Energy energy = joules == null
                ? new Energy(null, null, List.of(), List.of(new Unavailable("rapl", "no RAPL counter here")))
                : new Energy(joules, "rapl", List.of(new EnergyReading("rapl", "package-0", joules)), List.of());
        return new Footprint(Stamp.now("r"), model, 1000, 1, 1000, memory, energy);
    }

    private Path ledger() throws Exception {
        return new SyntheticLedger()
                .call("small", "5q", "Q1", 100, 20L, 10).score("small", "5q", "Q1", 100, 1)
                .event(footprint("small", 100, 150, 20.0))
                // a resumed process: its own window
                .call("small", "5q", "Q2", 100, 20L, 30).score("small", "5q", "Q2", 0, 1)
                .event(footprint("small", 110, 120, 10.0))
                .call("big", "5q", "Q1", 100, 20L, 10).score("big", "5q", "Q1", 100, 1)
                .call("big", "5q", "Q2", 100, 20L, 10).score("big", "5q", "Q2", 100, 1)
                .event(footprint("big", 400, 500, null))
                .writeTo(dir.resolve("run/run.jsonl"));
    }

    @Test
    void resultsAndMetadataCarryEachModelsMemoryAndEnergy() throws Exception {
        Path ledger = ledger();
        RunSummary summary = RunSummary.of(ledger);
        ResultsWriter.write(FinalScores.of(ledger), dir.resolve("results.json"), "r", "h", Map.of(), summary.footprints());
        MetadataWriter.write(FinalScores.of(ledger), dir.resolve("metadata.json"), "r", "h", summary.footprints());
        JsonNode results = Json.MAPPER.readTree(dir.resolve("results.json").toFile()).path("models");
        JsonNode small = results.get(0).path("footprint");
        assertThat(results.get(0).path("model").asText()).isEqualTo("small");
        assertThat(small.path("memory_at_load_bytes").asLong()).isEqualTo(100 * MIB);
        assertThat(small.path("memory_peak_bytes").asLong()).isEqualTo(150 * MIB);
        assertThat(small.path("memory_source").asText()).isEqualTo("process_rss");
        assertThat(small.path("kv_cache_bytes").asLong()).isEqualTo(4096);
        assertThat(small.path("energy_joules").asDouble()).isEqualTo(30.0);
        assertThat(small.path("energy_source").asText()).isEqualTo("rapl");
        assertThat(small.path("energy_unavailable").isNull()).isTrue();
        assertThat(small.path("joules_per_question").asDouble()).isEqualTo(15.0);
        assertThat(small.path("joules_per_correct").asDouble()).isEqualTo(30.0);
        assertThat(small.path("tokens_per_joule").asDouble()).isCloseTo(40 / 30.0, within(1e-9));
        JsonNode big = results.get(1).path("footprint");
        assertThat(big.path("energy_joules").isNull()).isTrue();
        assertThat(big.path("energy_unavailable").asText()).isEqualTo("rapl: no RAPL counter here");
        assertThat(big.path("joules_per_correct").isNull()).isTrue();
        JsonNode meta = Json.MAPPER.readTree(dir.resolve("metadata.json").toFile()).path("models");
        assertThat(meta.path("small").path("footprint")).isEqualTo(small);
        assertThat(meta.path("big").path("footprint")).isEqualTo(big);
        assertThat(meta.path("small").path("phases").path("5q").has("footprint")).isFalse();

        String table = summary.table();
        assertThat(table).contains("  small: memory 100.0 MiB at load, 150.0 MiB peak (process_rss); energy 30.0 J (rapl), "
                + "30.00 J/correct\n");
        assertThat(table).contains("  big: memory 400.0 MiB at load, 500.0 MiB peak (process_rss); energy not measured "
                + "(rapl: no RAPL counter here)\n");
    }

    @Test
    void aLedgerWithoutFootprintsWritesNoneAnywhere() throws Exception {
        Path ledger = new SyntheticLedger().call("m", "5q", "Q1", 100, 20L, 10).score("m", "5q", "Q1", 100, 1)
                .writeTo(dir.resolve("old/run.jsonl"));
        RunSummary summary = RunSummary.of(ledger);
        ResultsWriter.write(FinalScores.of(ledger), dir.resolve("old.json"), "r", "h", Map.of(), summary.footprints());
        assertThat(Json.MAPPER.readTree(dir.resolve("old.json").toFile()).path("models").get(0).has("footprint")).isFalse();
        assertThat(summary.table()).doesNotContain("memory");
        assertThat(HtmlReport.page(List.of(ledger.getParent()), dir).costs()).isEmpty();
    }

    @Test
    void reportHtmlShowsTheTableAndPlotsScoreAgainstMemory() throws Exception {
        Path folder = ledger().getParent();
        ReportPage page = HtmlReport.page(List.of(folder), dir);
        assertThat(page.costs()).extracting(ReportPage.Cost::column).containsExactly("small", "big");
        assertThat(page.costs().get(0).memory()).isEqualTo("100.0 MiB / 150.0 MiB");
        assertThat(page.costs().get(0).energy()).isEqualTo("30.0 J (rapl)");
        assertThat(page.costs().get(0).joulesPerCorrect()).isEqualTo("30.0 J");
        assertThat(page.costs().get(1).energy()).isEqualTo("not measured: rapl: no RAPL counter here");
        HtmlReport.write(List.of(folder), dir.resolve("report.html"));
        List<String> errors = new ArrayList<>();
        try (WebClient client = new WebClient(BrowserVersion.FIREFOX)) {
            client.getOptions().setThrowExceptionOnScriptError(false);
            client.getOptions().setCssEnabled(false);
            client.setJavaScriptErrorListener(new org.htmlunit.javascript.SilentJavaScriptErrorListener() {
                @Override
                public void scriptException(HtmlPage p, org.htmlunit.ScriptException e) {
                    errors.add(e.getMessage());
                }
            });
            HtmlPage html = client.getPage(dir.resolve("report.html").toUri().toURL());
            client.waitForBackgroundJavaScript(2000);
            assertThat(errors).as("script errors").isEmpty();
            assertThat(html.querySelectorAll("#footprint-table tbody tr")).hasSize(2);
            // Both models measured memory: a plot. Only one measured energy: the plot says what it needs.
            assertThat(html.getElementById("chart-cost-memory").hasAttribute("data-rendered")).isTrue();
            assertThat(html.querySelector("#chart-cost-energy").getTextContent()).contains("needs two or more models");
        }
    }
}
