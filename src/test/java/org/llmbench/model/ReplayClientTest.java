package org.llmbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.json.Json;
import org.llmbench.record.Message;
import org.llmbench.record.RecordCodec;
import org.llmbench.record.RunEvent;
import org.llmbench.record.Stamp;
import org.llmbench.record.TestRef;

class ReplayClientTest {

    private static final String Q1 = "[engine:llm-bench]/[model:m]/[suite:5q]/[question:Q1]";
    private static final String Q2 = "[engine:llm-bench]/[model:m]/[suite:5q]/[question:Q2]";

    @TempDir
    Path dir;

    private static TestRef ref(String testId, String item) {
        return new TestRef(testId, "m", "5q", item, "5q");
    }

    private static RunEvent.Call call(String testId, String item, String prompt, String output, String errorKind,
                                      List<org.llmbench.record.Implausible> implausible) {
        return new RunEvent.Call(Stamp.now("r"), ref(testId, item), null, List.of(new Message("user", prompt)),
                output, null, errorKind, errorKind == null ? null : "it failed", null, 1234, 56L, 7, 8, false, null, null,
                null, false, null, "stop", 2, List.of(500L), Json.MAPPER.createObjectNode(), implausible, prompt.length(), 8, null);
    }

    private static String line(String testId, String item, String prompt, String output, String errorKind) {
        return RecordCodec.encode(call(testId, item, prompt, output, errorKind, List.of()));
    }

    private static String score(String testId) {
        return RecordCodec.encode(new RunEvent.Score(Stamp.now("r"), ref(testId, "x"), 0, 70, false, 1, 0, List.of(),
                null, null, null));
    }

    private static ChatRequest request(String prompt, String testId, String item) {
        return new ChatRequest("m", List.of(ChatMessage.user(prompt)), new GenerationOptions(0.1, 4096, 2048, 42L), null,
                testId == null ? null : ref(testId, item));
    }

    private static ChatRequest request(String prompt) {
        return request(prompt, Q1, "Q1");
    }

    private ReplayClient client(String... lines) throws Exception {
        return new ReplayClient(Files.write(dir.resolve("run.jsonl"), List.of(lines)));
    }

    @Test
    void aReplayKeepsTheRecordedImplausibleFiguresApart() throws Exception {
        var implausible = List.of(new org.llmbench.record.Implausible("server_timings.predicted_per_second", "-123456.7",
                "negative: a count, a duration or a speed is never below 0"));
        ReplayClient client = client(RecordCodec.encode(call(Q1, "Q1", "p1", "hello", null, implausible)), score(Q1));
        assertThat(client.chat(request("p1")).implausible()).containsExactly(new Implausible(
                "server_timings.predicted_per_second", "-123456.7", "negative: a count, a duration or a speed is never below 0"));
    }

    @Test
    void answersWithTheRecordedCallOfTheSameTestFiguresIncluded() throws Exception {
        ReplayClient client = client(line(Q1, "Q1", "p1", "old try", null), score(Q1), line(Q1, "Q1", "p1", "retried", null),
                score(Q1), "{\"schema_version\":1,\"event\":\"call\",\"test_id\":\"torn");
        CallResult r = client.chat(request("p1"));
        assertThat(r.content()).isEqualTo("retried");
        assertThat(r.latencyMs()).isEqualTo(1234);
        assertThat(r.ttftMs()).isEqualTo(56);
        assertThat(r.completionTokens()).isEqualTo(8);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.retryWaitsMs()).containsExactly(500L);
        // a second call of the same test has nothing recorded to answer with
        assertThat(client.chat(request("p1")).errorKind()).isEqualTo(ErrorKind.NOT_REPLAYABLE);
        assertThat(client.listModels()).containsExactly("m");
        assertThat(client.provider()).isEqualTo("replay");
    }

    @Test
    void theNthCallOfATestGetsItsNthRecordedCallWhateverTheThread() throws Exception {
        ReplayClient client = client(line(Q1, "Q1", "p1", "sample 0", null), line(Q1, "Q1", "p1", "sample 1", null),
                score(Q1));
        List<String> answers = new ArrayList<>();
        Thread other = new Thread(() -> answers.add(client.chat(request("p1")).content()));
        other.start();
        other.join();
        answers.add(client.chat(request("p1")).content());
        assertThat(answers).containsExactly("sample 0", "sample 1");
    }

    @Test
    void fallsBackToModelSuiteItemAndThenToTheExactPrompt() throws Exception {
        ReplayClient client = client(line("[old-id]", "Q1", "p1", "by item", null), score("[old-id]"),
                line("[other]", "Q2", "p2", "by prompt", null), score("[other]"));
        assertThat(client.chat(request("p1")).content()).isEqualTo("by item");
        assertThat(client.chat(request("p2", null, null)).content()).isEqualTo("by prompt");
        assertThat(client.chat(request("never asked", null, null)).errorKind()).isEqualTo(ErrorKind.NOT_REPLAYABLE);
    }

    @Test
    void aChangedPromptOrAMissingQuestionIsNotReplayableAndRecordedErrorsReplayAsErrors() throws Exception {
        ReplayClient client = client(line(Q1, "Q1", "p1", null, "timeout"), score(Q1), line(Q2, "Q2", "p2", "x", null));
        CallResult r = client.chat(request("p1"));
        assertThat(r.errorKind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(r.content()).isNull();
        CallResult edited = client.chat(request("p2, edited since", Q2, "Q2"));
        assertThat(edited.errorKind()).isEqualTo(ErrorKind.NOT_REPLAYABLE);
        assertThat(edited.errorMessage()).contains("prompt differs");
        assertThat(client.chat(request("p9", "[x]", "Q9")).errorMessage()).contains("no call of m/5q/Q9");
    }

    @Test
    void anErrorKindThisBuildDoesNotKnowReplaysAsAProtocolError() throws Exception {
        ReplayClient client = client(line(Q1, "Q1", "p1", null, "quantum_flux"), score(Q1));
        CallResult r = client.chat(request("p1"));
        assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
        assertThat(r.errorMessage()).contains("recorded error kind 'quantum_flux'");
    }
}
