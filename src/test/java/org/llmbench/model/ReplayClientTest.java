package org.llmbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayClientTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String Q1 = "[engine:llm-bench]/[model:m]/[suite:5q]/[question:Q1]";

    @TempDir
    Path dir;

    private static String call(String testId, String item, String prompt, String output, String errorKind) {
        ObjectNode e = MAPPER.createObjectNode().put("event", "call").put("test_id", testId).put("model", "m")
                .put("suite", "5q").put("item", item).put("raw_output", output).put("error_kind", errorKind)
                .put("latency_ms", 1234).put("ttft_ms", 56).put("prompt_tokens", 7).put("completion_tokens", 8)
                .put("attempts", 2).put("chars_in", prompt.length());
        e.putArray("messages").addObject().put("role", "user").put("content", prompt);
        e.putArray("retry_waits_ms").add(500);
        return e.toString();
    }

    private static String score(String testId) {
        return "{\"event\":\"score\",\"test_id\":\"" + testId.replace("\"", "\\\"") + "\",\"score\":0}";
    }

    private static ChatRequest request(String prompt) {
        return new ChatRequest("m", List.of(ChatMessage.user(prompt)), new GenerationOptions(0.1, 4096, 2048, 42L), null);
    }

    private ReplayClient client(String... lines) throws Exception {
        return new ReplayClient(Files.write(dir.resolve("run.jsonl"), List.of(lines)));
    }

    @Test
    void aReplayKeepsTheRecordedImplausibleFiguresApart() throws Exception {
        ObjectNode recorded = (ObjectNode) MAPPER.readTree(call(Q1, "Q1", "p1", "hello", null));
        recorded.putArray("implausible").addObject().put("figure", "server_timings.predicted_per_second")
                .put("raw", "-123456.7").put("why", "negative: a count, a duration or a speed is never below 0");
        ReplayClient client = client(recorded.toString(), score(Q1));
        try (var scope = ReplayClient.scope(Q1, "m", "5q", "Q1")) {
            assertThat(client.chat(request("p1")).implausible()).containsExactly(new Implausible(
                    "server_timings.predicted_per_second", "-123456.7", "negative: a count, a duration or a speed is never below 0"));
        }
    }

    @Test
    void answersWithTheRecordedCallOfTheSameTestFiguresIncluded() throws Exception {
        ReplayClient client = client(call(Q1, "Q1", "p1", "old try", null), score(Q1), call(Q1, "Q1", "p1", "retried", null),
                score(Q1), "{\"event\":\"call\",\"test_id\":\"torn");
        try (var scope = ReplayClient.scope(Q1, "m", "5q", "Q1")) {
            CallResult r = client.chat(request("p1"));
            assertThat(r.content()).isEqualTo("retried");
            assertThat(r.latencyMs()).isEqualTo(1234);
            assertThat(r.ttftMs()).isEqualTo(56);
            assertThat(r.completionTokens()).isEqualTo(8);
            assertThat(r.attempts()).isEqualTo(2);
            assertThat(r.retryWaitsMs()).containsExactly(500L);
            // a second call in the same test has nothing recorded to answer with
            assertThat(client.chat(request("p1")).errorKind()).isEqualTo(ErrorKind.NOT_REPLAYABLE);
        }
        assertThat(client.listModels()).containsExactly("m");
        assertThat(client.provider()).isEqualTo("replay");
    }

    @Test
    void fallsBackToModelSuiteItemAndThenToTheExactPrompt() throws Exception {
        ReplayClient client = client(call("[old-id]", "Q1", "p1", "by item", null), score("[old-id]"),
                call("[other]", "Q2", "p2", "by prompt", null), score("[other]"));
        try (var scope = ReplayClient.scope(Q1, "m", "5q", "Q1")) {
            assertThat(client.chat(request("p1")).content()).isEqualTo("by item");
        }
        assertThat(client.chat(request("p2")).content()).isEqualTo("by prompt");
        assertThat(client.chat(request("never asked")).errorKind()).isEqualTo(ErrorKind.NOT_REPLAYABLE);
    }

    @Test
    void aChangedPromptOrAMissingQuestionIsNotReplayableAndRecordedErrorsReplayAsErrors() throws Exception {
        ReplayClient client = client(call(Q1, "Q1", "p1", null, "timeout"), score(Q1));
        try (var scope = ReplayClient.scope(Q1, "m", "5q", "Q1")) {
            CallResult r = client.chat(request("p1"));
            assertThat(r.errorKind()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(r.content()).isNull();
        }
        try (var scope = ReplayClient.scope(Q1, "m", "5q", "Q1")) {
            CallResult r = client.chat(request("p1, edited since"));
            assertThat(r.errorKind()).isEqualTo(ErrorKind.NOT_REPLAYABLE);
            assertThat(r.errorMessage()).contains("prompt differs");
        }
        try (var scope = ReplayClient.scope("[x]", "m", "5q", "Q9")) {
            assertThat(client.chat(request("p9")).errorMessage()).contains("no call of m/5q/Q9");
        }
    }
}
