package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.json.Json;
import org.llmbench.testing.BenchLauncher;

/**
 * report.html in a JavaScript-capable headless browser (HtmlUnit): its figures are the ledger's, it loads without a
 * script error, its charts render, the filters and the side-by-side view work, and a hostile answer runs nothing.
 */
class HtmlReportTest {

    @TempDir
    Path dir;

    private Path run(String models, String out) throws Exception {
        BenchLauncher.run(Map.of("bench.model", models, "bench.phases", "hello,5q,tasks", "bench.maxTasks", "1",
                "bench.out", dir.resolve(out).toString()));
        return BenchLauncher.latestRun(dir.resolve(out));
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

    @Test
    void aTwoModelRunsPageShowsTheLedgersFiguresAndWorksInABrowser() throws Exception {
        Path folder = run("mock,mock:junk", "two");
        Path page = folder.resolve(HtmlReport.FILE);
        assertThat(page).exists();
        JsonNode metadata = Json.MAPPER.readTree(folder.resolve("metadata.json").toFile());

        List<String> errors = new ArrayList<>();
        try (WebClient client = browser(errors)) {
            HtmlPage html = client.getPage(page.toUri().toURL());
            client.waitForBackgroundJavaScript(2000);
            assertThat(errors).as("script errors").isEmpty();

            // The overview's totals are the ledger's (metadata.json is derived from the same final scores).
            List<String> totals = new ArrayList<>();
            for (org.htmlunit.html.DomNode td : html.querySelectorAll("#overview-table tr.total td")) {
                totals.add(td.getTextContent().trim());
            }
            assertThat(totals).containsExactly(
                    String.format(java.util.Locale.ROOT, "%.1f", metadata.path("models").path("mock").path("score").asDouble()),
                    String.format(java.util.Locale.ROOT, "%.1f", metadata.path("models").path("mock:junk").path("score").asDouble()));
            assertThat(html.querySelector("#overview-table tr.total td.leads").getTextContent()).isEqualTo("100.0");

            // Every question is a row, with one score per model.
            int rows = html.querySelectorAll("#questions-table tbody tr").size();
            assertThat(rows).isEqualTo(Json.MAPPER.readTree(folder.resolve("results.json").toFile()).path("tasks").size() / 2);

            // The filters narrow the rows; the side-by-side view opens on a click.
            ((HtmlSelect) html.getElementById("filter-phase")).setSelectedAttribute("5q", true);
            assertThat(html.querySelectorAll("#questions-table tbody tr")).hasSize(5);
            ((HtmlSelect) html.getElementById("filter-phase")).setSelectedAttribute("", true);
            ((HtmlCheckBoxInput) html.getElementById("filter-changed")).setChecked(true);
            assertThat(html.querySelectorAll("#questions-table tbody tr").size()).isBetween(1, rows);
            ((HtmlElement) html.querySelector("#questions-table tbody tr")).click();
            assertThat(html.getElementById("detail").hasAttribute("hidden")).isFalse();
            assertThat(html.querySelectorAll("#detail-answers .answer")).hasSize(2);

            // Charts of the speed figures render as SVG.
            assertThat(html.querySelectorAll(".chart[data-rendered=true] svg").size()).isGreaterThan(0);
            assertThat(errors).as("script errors").isEmpty();
        }
    }

    @Test
    void aModelAnswerWithScriptOrAnImageHandlerExecutesNothing() throws Exception {
        Path folder = run("mock", "hostile");
        String attack = "<script>window.pwned = 1; alert('x')</script><img src=x onerror=\"window.pwned=2;alert('y')\">"
                + "</script><!-- \u2028";
        Path ledger = folder.resolve("run.jsonl");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(ledger)) {
            ObjectNode e = (ObjectNode) Json.MAPPER.readTree(line);
            if (e.path("event").asText().equals("call")) {
                e.put("raw_output", attack);
            }
            lines.add(e.toString());
        }
        Files.write(ledger, lines);
        Path page = dir.resolve("hostile.html");
        HtmlReport.write(List.of(folder), page);

        List<String> errors = new ArrayList<>();
        try (WebClient client = browser(errors)) {
            HtmlPage html = client.getPage(page.toUri().toURL());
            ((HtmlElement) html.querySelector("#questions-table tbody tr")).click();
            client.waitForBackgroundJavaScript(1000);
            assertThat(html.executeJavaScript("String(window.pwned)").getJavaScriptResult()).isEqualTo("undefined");
            assertThat(errors).noneMatch(e -> e.startsWith("alert"));
            assertThat(html.querySelector("#detail-answers pre.answer-text").getTextContent()).isEqualTo(attack);
            assertThat(html.querySelectorAll("#detail-answers img")).isEmpty();
        }
    }

    @Test
    void twoRunsOfOneModelAreColumnsPerRunWithTheChangedQuestions() throws Exception {
        Path first = run("mock", "first");
        Path second = run("mock:junk", "second");
        // The same model name in both runs: relabel the second run's model as the first's.
        Path ledger = second.resolve("run.jsonl");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(ledger)) {
            lines.add(line.replace("\"model\":\"mock:junk\"", "\"model\":\"mock\""));
        }
        Files.write(ledger, lines);
        ReportPage page = HtmlReport.page(List.of(first, second), dir);
        assertThat(page.columns()).extracting(ReportPage.Column::label)
                .allMatch(l -> l.startsWith("run "));
        assertThat(page.changed()).isNotEmpty().allSatisfy(c -> assertThat(c.delta()).startsWith("-"));
        Path html = dir.resolve("runs.html");
        HtmlReport.write(List.of(first, second), html);
        // Self-contained: nothing is fetched from anywhere.
        assertThat(Files.readString(html)).contains("Run against run").doesNotContainPattern("<script[^>]+src=")
                .doesNotContainPattern("<link[^>]+href=").doesNotContainPattern("(src|href)=[\"']?(https?:)?//");
    }
}
