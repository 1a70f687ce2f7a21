package org.llmbench.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.json.Json;
import org.llmbench.testing.BenchLauncher;

/**
 * The catalogue site over synthetic submissions made by mock runs with different handles, devices and models: its
 * pages load in a JavaScript-capable headless browser (HtmlUnit) without a script error, every total is the mean of
 * the runs' own totals (metadata.json, derived from the same ledgers), the filters and the compare page work, every
 * run links to its report.html, and text from a submission (a hostile device folder name) runs nothing.
 */
class CatalogueTest {

    /** A device folder name that is markup: it must show as text. */
    static final String HOSTILE_DEVICE = "<img src=x onerror=\"window.pwned=1\">";

    @TempDir
    static Path dir;

    static Path submissions;
    static Path site;
    static Catalogue.Site written;
    static final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void submitFourRuns() throws Exception {
        submissions = dir.resolve("submissions");
        run("alice", "xeon-64gb", "mock,mock:junk", cpuBox());
        run("bob", "rtx3060-12gb", "mock,mock:q4_k_m", rtxBox(), Map.of("bench.temperature", "0.5"));
        Path carol = run("carol", "m2-air-16gb", "mock", appleM2());
        // A run that measured its footprint: issue 30's footprint line in its ledger (15 J over its 6 questions).
        String runId = Json.MAPPER.readTree(carol.resolve("manifest.json").toFile()).path("run_id").asText();
        Files.writeString(carol.resolve("run.jsonl"), "{\"schema_version\":1,\"event\":\"footprint\",\"ts\":\"2026-12-07T01:00:00Z\","
                + "\"run_id\":\"" + runId + "\",\"model\":\"mock\",\"window_ms\":5000,\"samples\":5,\"period_ms\":1000,"
                + "\"memory\":{\"at_load_bytes\":1000000000,\"peak_bytes\":1500000000,\"source\":\"process_rss\",\"readings\":[],"
                + "\"unavailable\":[]},\"energy\":{\"joules\":15.0,\"source\":\"powermetrics\",\"readings\":[],\"unavailable\":[]}}\n",
                java.nio.file.StandardOpenOption.APPEND);
        run("mallory", HOSTILE_DEVICE, "mock:junk", cpuBox());
        // A run folder without its ledger: named, left out, and the rest is written.
        Files.createDirectories(submissions.resolve("dave/pi5-8gb/run-00000000-0000-4000-8000-000000000000"));
        site = dir.resolve("site");
        written = Catalogue.write(submissions, site, folder -> folder.toString().contains("mallory")
                ? new Verdict(false, "forged") : new Verdict(true, "clean"), "a test's verdict", problems::add);
    }

    private static Path run(String handle, String device, String models, ObjectNode hardware) throws Exception {
        return run(handle, device, models, hardware, Map.of());
    }

    private static Path run(String handle, String device, String models, ObjectNode hardware, Map<String, String> more)
            throws Exception {
        Path out = submissions.resolve(handle).resolve(device);
        Map<String, String> parameters = new HashMap<>(more);
        parameters.putAll(Map.of("bench.model", models, "bench.phases", "hello,5q", "bench.out", out.toString()));
        BenchLauncher.run(parameters);
        Path folder = BenchLauncher.latestRun(out);
        Files.delete(out.resolve("latest-run.txt"));
        Json.PRETTY.writeValue(folder.resolve("hardware.json").toFile(), hardware);
        return folder;
    }

    private static ObjectNode machine(String cpu, double memoryGb, String os, String version, String arch) {
        ObjectNode hw = Json.MAPPER.createObjectNode().put("schema_version", 1);
        hw.putObject("cpu").put("model", cpu).put("logical_cores", 8).put("arch", arch);
        hw.putObject("memory").put("total_bytes", (long) (memoryGb * (1L << 30))).put("total_gb", memoryGb);
        hw.putArray("gpus");
        hw.putObject("os").put("family", os).put("version", version).put("arch", arch);
        return hw;
    }

    static ObjectNode cpuBox() {
        ObjectNode hw = machine("Intel(R) Xeon(R) E-2288G", 64, "Debian GNU/Linux", "12", "amd64");
        ((com.fasterxml.jackson.databind.node.ArrayNode) hw.get("gpus")).addObject().put("name", "Intel UHD Graphics 630")
                .put("vram_bytes", 1L << 30);
        return hw;
    }

    static ObjectNode rtxBox() {
        ObjectNode hw = machine("AMD Ryzen 7 5800X", 32, "Ubuntu", "24.04", "amd64");
        ((com.fasterxml.jackson.databind.node.ArrayNode) hw.get("gpus")).addObject().put("name", "NVIDIA GeForce RTX 3060")
                .put("vendor", "NVIDIA").put("vram_bytes", 12L << 30).put("bandwidth_gb_s", 360.0);
        return hw.put("runtime", "ollama 0.6.2");
    }

    static ObjectNode appleM2() {
        ObjectNode hw = machine("Apple M2", 16, "macOS", "14.5", "aarch64");
        ((ObjectNode) hw.get("memory")).put("bandwidth_gb_s", 100.0);
        return hw.put("runtime", "llama.cpp b4500");
    }

    private static WebClient browser(List<String> errors) {
        WebClient client = new WebClient(BrowserVersion.FIREFOX);
        client.getOptions().setThrowExceptionOnScriptError(false);
        client.getOptions().setCssEnabled(false);
        client.setJavaScriptErrorListener(new org.htmlunit.javascript.SilentJavaScriptErrorListener() {
            @Override
            public void scriptException(HtmlPage page, org.htmlunit.ScriptException e) {
                errors.add(e.getMessage());
            }
        });
        client.setAlertHandler((page, message) -> errors.add("alert: " + message));
        return client;
    }

    /** Per model, its total in each run folder under {@code submissions} whose path passes {@code keep}, from metadata.json. */
    private static Map<String, List<Double>> metadataTotals(java.util.function.Predicate<Path> keep) throws Exception {
        Map<String, List<Double>> totals = new LinkedHashMap<>();
        for (CatalogueRuns.Found run : CatalogueRuns.find(submissions)) {
            if (!keep.test(run.folder()) || !Files.isRegularFile(run.folder().resolve("metadata.json"))) {
                continue;
            }
            JsonNode models = Json.MAPPER.readTree(run.folder().resolve("metadata.json").toFile()).path("models");
            models.fields().forEachRemaining(e -> totals.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                    .add(e.getValue().path("score").asDouble()));
        }
        return totals;
    }

    private static Map<String, String> expectedBoard(Map<String, List<Double>> totals) {
        Map<String, String> expected = new HashMap<>();
        totals.forEach((model, scores) -> expected.put(model, String.format(Locale.ROOT, "%.1f",
                scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow()) + " runs=" + scores.size()));
        return expected;
    }

    /** The board as shown: per model "total runs=N". */
    private static Map<String, String> board(HtmlPage page) {
        Map<String, String> shown = new HashMap<>();
        for (DomNode tr : page.querySelectorAll("#board tbody tr")) {
            shown.put(((org.htmlunit.html.HtmlElement) tr).getAttribute("data-model"),
                    tr.querySelector("td.total span.s").getTextContent() + " runs=" + tr.querySelector("td.runs").getTextContent());
        }
        return shown;
    }

    @Test
    void theSiteHoldsAPagePerScopeAndARunPageForEveryRun() throws Exception {
        assertThat(problems).singleElement().asString()
                .startsWith("dave/pi5-8gb/run-00000000-0000-4000-8000-000000000000: left out of the catalogue: no manifest.json");
        assertThat(written.runs()).isEqualTo(4);
        assertThat(written.rows()).isEqualTo(6);
        assertThat(written.pages()).extracting(p -> p.getFileName().toString()).containsExactly("index.html",
                "class-cpu.html", "class-discrete-gpu.html", "class-unified-memory.html", "quant-q4_k_m.html", "compare.html");
        // No network: nothing on a page loads from elsewhere.
        for (Path page : written.pages()) {
            assertThat(Files.readString(page)).doesNotContain("src=\"http").doesNotContain("href=\"http");
        }
        try (var walk = Files.walk(site.resolve("runs"))) {
            assertThat(walk.filter(p -> p.getFileName().toString().equals("report.html")).count()).isEqualTo(4);
        }
    }

    @Test
    void theLeaderboardsTotalsAreTheRunsTotalsAndTheRunsLinkToTheirReports() throws Exception {
        List<String> errors = new ArrayList<>();
        try (WebClient client = browser(errors)) {
            HtmlPage page = client.getPage(site.resolve("index.html").toUri().toURL());
            client.waitForBackgroundJavaScript(2000);
            assertThat(errors).as("script errors").isEmpty();
            assertThat(board(page)).isEqualTo(expectedBoard(metadataTotals(p -> true)));
            assertThat(page.querySelectorAll("#runs tbody tr")).hasSize(6);
            assertThat(page.querySelectorAll("#chart-board[data-rendered=true] svg")).isNotEmpty();
            // The hostile device name is text on the page, and ran nothing.
            assertThat(page.asNormalizedText()).contains("mallory / " + HOSTILE_DEVICE);
            assertThat(page.executeJavaScript("String(window.pwned)").getJavaScriptResult()).isEqualTo("undefined");
            assertThat(page.querySelectorAll("#runs td.unverified")).hasSize(1);
            // Every run links to its own report.html, which exists and names the run.
            for (DomNode tr : page.querySelectorAll("#runs tbody tr")) {
                String run = ((org.htmlunit.html.HtmlElement) tr).getAttribute("data-run");
                org.htmlunit.html.HtmlAnchor a = (org.htmlunit.html.HtmlAnchor) tr.querySelector("a");
                HtmlPage report = a.click();
                assertThat(report.getUrl().getProtocol()).isEqualTo("file");
                assertThat(report.asXml()).contains(run);
                // Its charts are drawn with the library the run pages share (one file, not one copy per run).
                assertThat(report.querySelectorAll(".chart[data-rendered=true] svg")).isNotEmpty();
            }
            assertThat(errors).as("script errors").isEmpty();
        }
    }

    @Test
    void theFiltersNarrowTheBoardToTheRunsTheyKeep() throws Exception {
        List<String> errors = new ArrayList<>();
        try (WebClient client = browser(errors)) {
            HtmlPage page = client.getPage(site.resolve("index.html").toUri().toURL());
            ((HtmlSelect) page.getElementById("filter-class")).setSelectedAttribute("discrete-gpu", true);
            assertThat(board(page)).isEqualTo(expectedBoard(metadataTotals(p -> p.toString().contains("rtx3060"))));
            assertThat(page.querySelectorAll("#runs tbody tr")).hasSize(2);
            // Normalised speed is blank where hardware.json records no bandwidth, and the page says so.
            assertThat(page.getElementById("normalised-note").getTextContent()).contains("per 100 GB/s");
            ((HtmlSelect) page.getElementById("filter-class")).setSelectedAttribute("", true);

            ((HtmlCheckBoxInput) page.getElementById("filter-verified")).setChecked(true);
            assertThat(board(page)).isEqualTo(expectedBoard(metadataTotals(p -> !p.toString().contains("mallory"))));
            ((HtmlCheckBoxInput) page.getElementById("filter-verified")).setChecked(false);

            // Bob ran at another temperature: his scores pool with the others' only under "mixed" settings.
            assertThat(page.querySelector("#board tr[data-model='mock'] td.settings").getTextContent()).isEqualTo("2 (mixed)");
            HtmlSelect settings = (HtmlSelect) page.getElementById("filter-settings");
            assertThat(settings.getOptionSize()).isEqualTo(3);
            settings.setSelectedIndex(1);
            assertThat(page.querySelector("#board tr[data-model='mock'] td.settings").getTextContent()).isEqualTo("1");
            settings.setSelectedAttribute("", true);

            ((HtmlSelect) page.getElementById("filter-quant")).setSelectedAttribute("Q4_K_M", true);
            assertThat(board(page).keySet()).containsExactly("mock:q4_k_m");
            ((HtmlSelect) page.getElementById("filter-quant")).setSelectedAttribute("", true);

            ((HtmlSelect) page.getElementById("filter-runtime")).setSelectedAttribute("llama.cpp b4500", true);
            assertThat(page.querySelectorAll("#runs tbody tr")).hasSize(1);
            ((HtmlSelect) page.getElementById("filter-runtime")).setSelectedAttribute("", true);

            ((HtmlSelect) page.getElementById("filter-memory")).setSelectedAttribute("16", true);
            assertThat(page.querySelectorAll("#runs tbody tr")).hasSize(1);
            assertThat(errors).as("script errors").isEmpty();
        }
    }

    @Test
    void aDeviceClassPageHoldsOnlyItsRuns() throws Exception {
        List<String> errors = new ArrayList<>();
        try (WebClient client = browser(errors)) {
            HtmlPage page = client.getPage(site.resolve("class-unified-memory.html").toUri().toURL());
            assertThat(errors).as("script errors").isEmpty();
            assertThat(board(page)).isEqualTo(expectedBoard(metadataTotals(p -> p.toString().contains("m2-air"))));
            // Normalised speed is the run's tokens/s over its bandwidth: the mock measures no tokens/s, so it stays blank.
            assertThat(page.getElementById("normalised-note").getTextContent()).contains("0 of 1 results record no bandwidth");
            // Memory and energy where the run measured them; blank (not 0) where it did not.
            DomNode mock = page.querySelector("#board tr[data-model='mock']");
            assertThat(mock.getTextContent()).contains("1.50 n=1").contains("2.5 n=1");
            assertThat(page.querySelector("#runs tbody tr").getTextContent()).contains("1.5 GB (process_rss)")
                    .contains("2.5 J/question (powermetrics)");
            HtmlPage cpu = client.getPage(site.resolve("class-cpu.html").toUri().toURL());
            assertThat(cpu.querySelectorAll("#runs tbody tr")).hasSize(3);
            assertThat(errors).as("script errors").isEmpty();
        }
    }

    @Test
    void theComparePageSetsTwoModelsOrTwoDeviceClassesSideBySide() throws Exception {
        List<String> errors = new ArrayList<>();
        try (WebClient client = browser(errors)) {
            HtmlPage page = client.getPage(site.resolve("compare.html").toUri().toURL());
            Map<String, List<Double>> all = metadataTotals(p -> true);
            // Two models, any device.
            ((HtmlSelect) page.getElementById("a-model")).setSelectedAttribute("mock", true);
            ((HtmlSelect) page.getElementById("b-model")).setSelectedAttribute("mock:junk", true);
            DomNode total = page.querySelector("#compare-table tr[data-figure='weighted total']");
            double a = all.get("mock").stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double b = all.get("mock:junk").stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertThat(total.querySelectorAll("span.s")).extracting(DomNode::getTextContent)
                    .containsExactly(String.format(Locale.ROOT, "%.1f", a), String.format(Locale.ROOT, "%.1f", b));
            assertThat(total.querySelector("td.delta").getTextContent()).isEqualTo(String.format(Locale.ROOT, "%+.1f", b - a));
            // One model on two device classes: the runs behind each side are that class's.
            ((HtmlSelect) page.getElementById("b-model")).setSelectedAttribute("mock", true);
            ((HtmlSelect) page.getElementById("a-class")).setSelectedAttribute("cpu", true);
            ((HtmlSelect) page.getElementById("b-class")).setSelectedAttribute("unified-memory", true);
            assertThat(page.querySelector("#compare-table tr[data-figure='runs']").querySelectorAll("span.s"))
                    .extracting(DomNode::getTextContent).containsExactly("1", "1");
            assertThat(page.querySelectorAll("#chart-compare[data-rendered=true] svg")).isNotEmpty();
            assertThat(errors).as("script errors").isEmpty();
        }
    }

    @Test
    void aFolderWithOtherFilesIsNeverCleared(@TempDir Path other) throws Exception {
        Files.writeString(other.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> Catalogue.write(submissions, other, f -> new Verdict(true, ""), "", p -> { }))
                .hasMessageContaining("not empty");
        assertThat(other.resolve("keep.txt")).exists();
    }
}
