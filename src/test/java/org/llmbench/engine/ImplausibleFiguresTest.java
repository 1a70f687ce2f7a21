package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.model.ModelClients;
import org.llmbench.testing.FakeModelServer;

/**
 * A server that reports figures no hardware can produce: each is an {@code implausible} record of its call with the
 * raw value, and none reaches a count, a timing or a speed in the ledger, the console, report.md, report.html or
 * metadata.json.
 */
class ImplausibleFiguresTest {

    private static final String ANSWER = "hello there, this is 32 chars!!!";

    @TempDir
    Path dir;

    @Test
    void anOpenAiServerClaimingTwoBillionTokensAndANegativeSpeed() throws Exception {
        assertThat(ANSWER).hasSize(32);
        FakeModelServer.Behaviour liar = (request, exchange) -> {
            List<String> events = new ArrayList<>(FakeModelServer.openAiEvents(FakeModelServer.pieces(ANSWER), "stop", 12,
                    Integer.MAX_VALUE, true));
            int last = events.size() - 2;
            events.set(last, events.get(last).replace("\"usage\":",
                    "\"timings\":{\"predicted_n\":8,\"predicted_ms\":4.0,\"predicted_per_second\":-123456.7},\"usage\":"));
            FakeModelServer.stream(exchange, "text/event-stream", events, 3);
        };
        JsonNode call = runAgainst(liar, "openai");

        assertThat(call.path("implausible")).hasSize(2);
        assertThat(find(call, "completion_tokens").path("raw").asText()).isEqualTo("2147483647");
        assertThat(find(call, "completion_tokens").path("why").asText())
                .isEqualTo("more tokens than the text generated (32 bytes) can hold (at most 96)");
        assertThat(find(call, "server_timings.predicted_per_second").path("raw").asText()).isEqualTo("-123456.7");
        assertThat(find(call, "server_timings.predicted_per_second").path("why").asText())
                .isEqualTo("negative: a count, a duration or a speed is never below 0");
        // The count is the tokenizer's estimate of the 32 characters, and the speeds are worked out from it.
        assertThat(call.path("completion_tokens").asInt()).isBetween(1, 96);
        assertThat(call.path("tokens_estimated").asBoolean()).isTrue();
        assertThat(call.path("server_timings").has("predicted_per_second")).isFalse();
        assertThat(call.path("server_timings").path("predicted_n").asInt()).isEqualTo(8);
        assertThat(call.path("server_completion_tokens_per_s").isNull()).isTrue();
        assertThat(call.path("completion_tokens_per_s").asDouble()).isBetween(0.0, 100_000.0);
    }

    @Test
    void anOllamaServerWhoseCountsAndDurationsCannotBeTrue() throws Exception {
        FakeModelServer.Behaviour liar = (request, exchange) -> {
            List<String> lines = new ArrayList<>(FakeModelServer.ollamaLines(FakeModelServer.pieces(ANSWER), "stop", -5,
                    Integer.MAX_VALUE, true));
            int last = lines.size() - 1;
            lines.set(last, lines.get(last).replace("\"eval_duration\":2000000", "\"eval_duration\":1")
                    .replace("\"total_duration\":5000000", "\"total_duration\":-1"));
            FakeModelServer.stream(exchange, "application/x-ndjson", lines, 3);
        };
        JsonNode call = runAgainst(liar, "ollama");

        assertThat(call.path("implausible")).extracting(i -> i.path("figure").asText()).containsExactlyInAnyOrder(
                "prompt_tokens", "completion_tokens", "server_timings.total_duration", "server_timings.prompt_eval_count",
                "server_timings.eval_count");
        assertThat(find(call, "prompt_tokens").path("raw").asText()).isEqualTo("-5");
        assertThat(call.path("server_completion_tokens_per_s").isNull()).isTrue();
        assertThat(call.path("server_timings").has("eval_count")).isFalse();
        assertThat(call.path("server_timings").path("eval_duration").asInt()).isEqualTo(1);
    }

    @Test
    void aPlausibleCountWithADurationTooShortForAnyHardwareIsNoSpeed() throws Exception {
        FakeModelServer.Behaviour fast = (request, exchange) -> {
            List<String> lines = new ArrayList<>(FakeModelServer.ollamaLines(FakeModelServer.pieces(ANSWER), "stop", 12, 8, true));
            int last = lines.size() - 1;
            lines.set(last, lines.get(last).replace("\"eval_duration\":2000000", "\"eval_duration\":10"));
            FakeModelServer.stream(exchange, "application/x-ndjson", lines, 3);
        };
        JsonNode call = runAgainst(fast, "ollama");

        assertThat(call.path("implausible")).singleElement().satisfies(i -> {
            assertThat(i.path("figure").asText()).isEqualTo("server_completion_tokens_per_s");
            assertThat(i.path("raw").asText()).isEqualTo("8.0E8");
            assertThat(i.path("why").asText()).isEqualTo("beyond 100000 tokens/s, faster than any hardware generates one stream");
        });
        assertThat(call.path("completion_tokens").asInt()).isEqualTo(8);
        assertThat(call.path("server_completion_tokens_per_s").isNull()).isTrue();
    }

    private JsonNode runAgainst(FakeModelServer.Behaviour behaviour, String provider) throws Exception {
        Path suite = BenchRun.suite(dir, "one", "Say hello");
        try (var server = new FakeModelServer(behaviour)) {
            String url = provider.equals("openai") ? server.openAiUrl() : server.baseUrl();
            BenchRun.Outcome outcome = BenchRun.run(ModelClients::create, suite, dir.resolve("out"),
                    Map.of("bench.model", "fake-model", "bench.provider", provider, "bench.url", url));

            assertThat(outcome.calls()).hasSize(1);
            JsonNode call = outcome.calls().get(0);
            assertThat(call.path("error_kind").isNull()).as(call.toString()).isTrue();
            // Nowhere shown as a speed or a count: the console table, the reports, the metadata.
            String[] absurd = {"2147483647", "2,147,483,647", "123456", "46684427109", "46,684,427,109", "8.0E8", "800000000"};
            String table = outcome.console().substring(outcome.console().indexOf("model / phase"));
            assertThat(table).doesNotContain(absurd);
            for (String file : List.of("report.md", "report.html", "metadata.json", "results.json", "manifest.json")) {
                Path path = outcome.folder().resolve(file);
                if (Files.exists(path)) {
                    assertThat(Files.readString(path)).as(file).doesNotContain(absurd);
                }
            }
            return call;
        }
    }

    private static JsonNode find(JsonNode call, String figure) {
        for (JsonNode i : call.path("implausible")) {
            if (i.path("figure").asText().equals(figure)) {
                return i;
            }
        }
        throw new AssertionError("no implausible " + figure + " in " + call);
    }
}
