package org.llmbench.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.suite.PromptStyle;
import org.llmbench.suite.PublicFormats;
import org.llmbench.suite.Question;
import org.llmbench.suite.SuiteOrigin;

/**
 * Each text method against its reference on llm-bench's crafted answer sets (src/test/resources/agreement): right,
 * wrong, differently formatted, junk and adversarial answers. The lm-eval verdicts ({@code strict-match},
 * {@code flexible-extract}, {@code generative}) were written by lm-evaluation-harness's own filter and metric code
 * (tools/agreement/lm_eval_verdicts.py); {@code by-value} and {@code lenient} are llm-bench's own readings, their
 * verdicts written by hand from docs/BENCHMARKS.md. Every method must agree on at least 99 % (here: every answer).
 */
class AgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final QuestionScorer SCORER = new QuestionScorer(new SyntaxChecker(false));

    @TempDir
    Path dir;

    @Test
    void gsm8kMethodsAgreeWithLmEvalAndTheDocumentedRule() throws Exception {
        List<JsonNode> rows = rows("gsm8k.jsonl");
        Map<String, Question> byTarget = gsm8kQuestions(rows);
        Map<String, int[]> agree = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        for (JsonNode row : rows) {
            Methods m = SCORER.score(byTarget.get(row.get("target").asText()), row.get("answer").asText(), 100).methods();
            tally(agree, misses, row, m, "strict-match", row.get("strict-match").get("right").asBoolean());
            tally(agree, misses, row, m, "flexible-extract", row.get("flexible-extract").get("right").asBoolean());
            tally(agree, misses, row, m, "by-value", row.get("by-value").asBoolean());
            assertThat(m.verdict("strict-match").read()).as(row.get("shape").asText())
                    .isEqualTo(row.get("strict-match").get("read").asText());
            assertThat(m.verdict("flexible-extract").read()).as(row.get("shape").asText())
                    .isEqualTo(row.get("flexible-extract").get("read").asText());
        }
        report("gsm8k", agree, misses, rows.size());
    }

    @Test
    void mmluMethodsAgreeWithLmEvalAndTheDocumentedRule() throws Exception {
        List<JsonNode> rows = rows("mmlu.jsonl");
        Path file = dir.resolve("astronomy_test.csv");
        Files.writeString(file, "What is the capital of the United Kingdom?,Paris,London,Rome,Berlin,B\n");
        Question q = PublicFormats.read(SuiteOrigin.ofFile(file), new PromptStyle(PromptStyle.Kind.REFERENCE, 0, List.of()))
                .questions().get(0);
        Map<String, int[]> agree = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        for (JsonNode row : rows) {
            Methods m = SCORER.score(q, row.get("answer").asText(), 100).methods();
            tally(agree, misses, row, m, "generative", row.get("generative").get("right").asBoolean());
            tally(agree, misses, row, m, "lenient", row.get("lenient").asBoolean());
            assertThat(m.verdict("generative").read()).as(row.get("shape").asText())
                    .isEqualTo(row.get("generative").get("read").asText());
        }
        report("mmlu", agree, misses, rows.size());
    }

    private Map<String, Question> gsm8kQuestions(List<JsonNode> rows) throws Exception {
        StringBuilder lines = new StringBuilder();
        rows.stream().map(r -> r.get("target").asText()).distinct().forEach(t -> lines.append(JSON.createObjectNode()
                .put("question", "A question whose answer is given.").put("answer", t)).append('\n'));
        Path file = dir.resolve("test.jsonl");
        Files.writeString(file, lines);
        Map<String, Question> byTarget = new LinkedHashMap<>();
        for (Question q : PublicFormats.read(SuiteOrigin.ofFile(file), new PromptStyle(PromptStyle.Kind.REFERENCE, 0, List.of()))
                .questions()) {
            byTarget.put(q.referenceAnswer(), q);
        }
        return byTarget;
    }

    private static void tally(Map<String, int[]> agree, List<String> misses, JsonNode row, Methods m, String method,
                              boolean reference) {
        boolean ours = m.verdict(method).score() >= 100;
        int[] counts = agree.computeIfAbsent(method, k -> new int[2]);
        counts[ours == reference ? 0 : 1]++;
        if (ours != reference) {
            misses.add(method + ": " + row.get("shape").asText() + " llm-bench " + ours + ", reference " + reference);
        }
    }

    private static void report(String set, Map<String, int[]> agree, List<String> misses, int n) {
        agree.forEach((method, c) -> System.out.printf("[agreement] %s %s: %d of %d (%.1f %%)%n", set, method, c[0], n,
                100.0 * c[0] / n));
        assertThat(misses).as("answers where a method disagrees with its reference").isEmpty();
        agree.forEach((method, c) -> assertThat(100.0 * c[0] / n).as(method).isGreaterThanOrEqualTo(99.0));
    }

    private static List<JsonNode> rows(String name) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        try (InputStream in = AgreementTest.class.getResourceAsStream("/agreement/" + name)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    rows.add(JSON.readTree(line));
                }
            }
        }
        return rows;
    }
}
