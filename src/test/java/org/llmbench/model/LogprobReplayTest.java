package org.llmbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.json.Json;
import org.llmbench.record.Logprobs;
import org.llmbench.record.Message;
import org.llmbench.record.RecordCodec;
import org.llmbench.record.RunEvent;
import org.llmbench.record.Stamp;
import org.llmbench.record.TestRef;
import org.llmbench.testing.FakeModelServer;

/**
 * A replay answers a log-likelihood question from the recorded letters (choosing again), a recorded failure as that
 * failure, and a recorded chat answer as not replayable; a walk whose second request fails is the question's failure;
 * a server's URL with a password never reaches a message.
 */
class LogprobReplayTest {

    private static final String ID = "[engine:llm-bench]/[model:m]/[suite:mmlu]/[question:1]";
    private static final TestRef REF = new TestRef(ID, "m", "mmlu", "1", "mmlu");

    @TempDir
    Path dir;

    private static String call(String output, String errorKind, Logprobs logprobs, String role) {
        return RecordCodec.encode(new RunEvent.Call(Stamp.now("r"), REF, null, List.of(new Message(role,
                LogprobWireTest.PROMPT)), output, null, errorKind, errorKind == null ? null : "it failed", 200, 120, null, 405,
                2, false, null, null, null, false, null, "length", 2, List.of(), Json.MAPPER.createObjectNode(), List.of(),
                LogprobWireTest.PROMPT.length(), 1, null, logprobs, null));
    }

    private LogprobResult replay(String line) throws Exception {
        try (var client = new ReplayClient(Files.write(dir.resolve("run.jsonl"), List.of(line)))) {
            return client.logprobs(new LogprobRequest("m", LogprobWireTest.PROMPT, LogprobWireTest.LETTERS, null, REF, 20));
        }
    }

    @Test
    void theRecordedLettersAreChosenAgainNotTheRecordedChoice() throws Exception {
        Map<String, Double> letters = new LinkedHashMap<>();
        letters.put("A", -2.0);
        letters.put("B", null);
        letters.put("C", -0.5);
        letters.put("D", -3.0);
        LogprobResult r = replay(call("A", null, new Logprobs(letters, "A", 20, 2), "prompt"));
        assertThat(r.letters().chosen()).isEqualTo("C");
        assertThat(r.call().content()).isEqualTo("C");
        assertThat(r.letters().byLetter()).containsEntry("B", null);
        assertThat(r.call().latencyMs()).isEqualTo(120);
        assertThat(r.call().attempts()).isEqualTo(2);
    }

    @Test
    void aRecordedFailureReplaysAsItAndAChatAnswerIsNotReplayable() throws Exception {
        LogprobResult failed = replay(call(null, "timeout", null, "prompt"));
        assertThat(failed.call().errorKind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(failed.letters()).isNull();
        LogprobResult chat = replay(call("B", null, null, "prompt"));
        assertThat(chat.call().errorKind()).isEqualTo(ErrorKind.NOT_REPLAYABLE);
        assertThat(chat.call().errorMessage()).contains("not log-probabilities");
        LogprobResult otherPrompt = replay(call("B", null, null, "user"));
        assertThat(otherPrompt.call().errorKind()).isEqualTo(ErrorKind.NOT_REPLAYABLE);
    }

    @Test
    void aWalkWhoseSecondRequestFailsIsTheQuestionsFailure() throws Exception {
        try (var server = new FakeModelServer((r, ex) -> {
            if (r.body().path("prompt").asText().endsWith("Answer: ")) {
                FakeModelServer.send(ex, 503, "text/plain", "busy");
            } else {
                FakeModelServer.send(ex, 200, "application/json", LogprobWireTest.llamaCpp(" ", "-0.5", " B", "-1.0"));
            }
        }); var client = new OpenAiClient(ClientSettings.of(server.openAiUrl(), Duration.ofSeconds(5), 1).withBackoffMs(1))) {
            LogprobResult r = client.logprobs(new LogprobRequest("m", LogprobWireTest.PROMPT, LogprobWireTest.LETTERS, null, null, 20));
            assertThat(r.letters()).isNull();
            assertThat(r.unsupported()).isFalse();
            assertThat(r.call().errorKind()).isEqualTo(ErrorKind.HTTP_5XX);
            assertThat(r.call().attempts()).as("1 + the failed request's 2").isEqualTo(3);
            assertThat(r.call().retryWaitsMs()).hasSize(1);
        }
    }

    @Test
    void severalServersEachAnswerLogprobQuestionsAndTheResultNamesTheOne() throws Exception {
        String body = LogprobWireTest.legacy("{\" B\":-0.3,\" A\":-2.1}");
        try (var a = new FakeModelServer((r, ex) -> FakeModelServer.send(ex, 200, "application/json", body));
             var b = new FakeModelServer((r, ex) -> FakeModelServer.send(ex, 200, "application/json", body));
             var client = new MultiServerClient(List.of(a.openAiUrl(), b.openAiUrl()),
                     url -> new OpenAiClient(ClientSettings.of(url, Duration.ofSeconds(5), 0)))) {
            for (int i = 0; i < 4; i++) {
                LogprobResult r = client.logprobs(new LogprobRequest("m", LogprobWireTest.PROMPT, LogprobWireTest.LETTERS, null, null, 20));
                assertThat(r.letters().chosen()).isEqualTo("B");
                assertThat(r.call().server()).isIn(a.openAiUrl(), b.openAiUrl());
            }
            assertThat(a.chatRequests()).hasSize(2);
            assertThat(b.chatRequests()).hasSize(2);
        }
    }

    @Test
    void aPasswordInTheServersUrlReachesNoMessage() throws Exception {
        try (var server = new FakeModelServer((r, ex) -> FakeModelServer.send(ex, 200, "application/json",
                "{\"choices\":[{\"index\":0,\"text\":\" B\",\"logprobs\":null}]}"))) {
            String url = "http://user:s3cr3t-pass@127.0.0.1:" + server.port() + "/v1";
            try (var client = new OpenAiClient(ClientSettings.of(url, Duration.ofSeconds(5), 0))) {
                LogprobResult r = client.logprobs(new LogprobRequest("m", LogprobWireTest.PROMPT, LogprobWireTest.LETTERS, null, null, 20));
                assertThat(r.unsupported()).isTrue();
                assertThat(r.call().errorMessage()).doesNotContain("s3cr3t").contains("sent no log-probabilities", "generative");
                assertThat(client.logprobs(new LogprobRequest("m", "x", LogprobWireTest.LETTERS, null, null, 20)).call().errorMessage())
                        .doesNotContain("s3cr3t");
            }
        }
    }
}
