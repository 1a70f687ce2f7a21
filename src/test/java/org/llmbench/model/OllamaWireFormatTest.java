package org.llmbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmbench.testing.FakeModelServer;

/** The Ollama client against the bodies of Ollama's API documentation (docs/api.md: chat, streaming and not, thinking, tags). */
class OllamaWireFormatTest {

    // docs/api.md "Chat request (streaming)": content lines, then the final object with the statistics (nanoseconds).
    static final List<String> DOC_STREAM = List.of(
            "{\"model\":\"llama3.2\",\"created_at\":\"2023-08-04T08:52:19.385406455-07:00\",\"message\":{\"role\":\"assistant\",\"content\":\"The\",\"images\":null},\"done\":false}\n",
            "{\"model\":\"llama3.2\",\"created_at\":\"2023-08-04T08:52:19.385406455-07:00\",\"message\":{\"role\":\"assistant\",\"content\":\" sky\",\"images\":null},\"done\":false}\n",
            "{\"model\":\"llama3.2\",\"created_at\":\"2023-08-04T08:52:19.385406455-07:00\",\"message\":{\"role\":\"assistant\",\"content\":\" is blue because of Rayleigh scattering.\",\"images\":null},\"done\":false}\n",
            "{\"model\":\"llama3.2\",\"created_at\":\"2023-08-04T19:22:45.499127Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"total_duration\":4883583458,\"load_duration\":1334875,\"prompt_eval_count\":26,\"prompt_eval_duration\":342546000,\"eval_count\":282,\"eval_duration\":4535599000}\n");

    // docs/api.md "Chat request (No streaming)".
    static final String DOC_WHOLE = """
            {"model":"llama3.2","created_at":"2023-12-12T14:13:43.416799Z",
             "message":{"role":"assistant","content":"Hello! How are you today?"},
             "done":true,"total_duration":5191566416,"load_duration":2154458,"prompt_eval_count":26,
             "prompt_eval_duration":383809000,"eval_count":298,"eval_duration":4799921000}
            """;

    // docs/api.md "List Local Models".
    static final String DOC_TAGS = """
            {"models":[{"name":"deepseek-r1:latest","model":"deepseek-r1:latest","modified_at":"2025-05-10T08:06:48.639712648-07:00",
              "size":4683075271,"digest":"0a8c266910232fd3291e71e5ba1e058cc5af9d411192cf88b6d30e92b6e73163",
              "details":{"parent_model":"","format":"gguf","family":"qwen2","families":["qwen2"],"parameter_size":"7.6B","quantization_level":"Q4_K_M"}},
             {"name":"llama3.2:latest","model":"llama3.2:latest","modified_at":"2025-05-04T17:37:44.706015396-07:00",
              "size":2019393189,"digest":"a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72",
              "details":{"parent_model":"","format":"gguf","family":"llama","families":["llama"],"parameter_size":"3.2B","quantization_level":"Q4_K_M"}}]}
            """;

    /** The documented stream with a count its 47 characters can hold (the docs elide the answer of 282 tokens). */
    static final List<String> CONSISTENT_STREAM = DOC_STREAM.stream()
            .map(line -> line.replace("\"eval_count\":282", "\"eval_count\":12")).toList();

    @Test
    void theDocumentedCountsOfAnElidedAnswerAreImplausible() throws Exception {
        try (var server = new FakeModelServer((request, exchange) ->
                FakeModelServer.stream(exchange, "application/x-ndjson", DOC_STREAM, 5));
             var client = new OllamaClient(ClientSettings.of(server.baseUrl(), Duration.ofSeconds(5), 0))) {
            CallResult r = client.chat(ClientFaultTest.request("why is the sky blue?"));

            assertThat(r.implausible()).extracting(Implausible::figure, Implausible::raw)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("completion_tokens", "282"),
                            org.assertj.core.groups.Tuple.tuple("server_timings.eval_count", "282"));
            assertThat(r.implausible().get(0).why()).isEqualTo("more tokens than the text generated (47 bytes) can hold (at most 111)");
            assertThat(r.tokensEstimated()).isTrue();
            assertThat(r.completionTokens()).isBetween(1, 111);
            assertThat(r.serverTimings()).doesNotContainKey("eval_count");
            assertThat(r.serverCompletionTokensPerSecond()).isNull();
        }
    }

    @Test
    void streamedChatKeepsTheServersDurationsAndMeasuresTtft() throws Exception {
        try (var server = new FakeModelServer((request, exchange) ->
                FakeModelServer.stream(exchange, "application/x-ndjson", CONSISTENT_STREAM, 5));
             var client = new OllamaClient(ClientSettings.of(server.baseUrl(), Duration.ofSeconds(5), 0))) {
            CallResult r = client.chat(new ChatRequest("llama3.2", List.of(ChatMessage.user("why is the sky blue?")),
                    new GenerationOptions(0.1, 4096, 2048, 42L), null));

            var sent = server.requests().get(0);
            assertThat(sent.path()).isEqualTo("/api/chat");
            assertThat(sent.body().path("stream").asBoolean()).isTrue();
            assertThat(sent.body().at("/options/num_ctx").asInt()).isEqualTo(4096);
            assertThat(sent.body().at("/options/num_predict").asInt()).isEqualTo(2048);
            assertThat(sent.body().at("/options/temperature").asDouble()).isEqualTo(0.1);
            assertThat(sent.body().at("/options/seed").asLong()).isEqualTo(42);

            assertThat(r.content()).isEqualTo("The sky is blue because of Rayleigh scattering.");
            assertThat(r.finishReason()).isEqualTo("stop");
            assertThat(r.promptTokens()).isEqualTo(26);
            assertThat(r.completionTokens()).isEqualTo(12);
            assertThat(r.tokensEstimated()).isFalse();
            assertThat(r.implausible()).isEmpty();
            assertThat(r.streamed()).isTrue();
            assertThat(r.ttftMs()).isNotNull().isLessThanOrEqualTo(r.latencyMs());
            assertThat(r.serverTimings()).containsEntry("total_duration", 4883583458L).containsEntry("load_duration", 1334875)
                    .containsEntry("prompt_eval_duration", 342546000).containsEntry("eval_duration", 4535599000L);
            assertThat(r.serverCompletionTokensPerSecond()).isCloseTo(12 / 4.535599, org.assertj.core.data.Offset.offset(0.001));
            // The server's own count (12) is shared among the pieces by length, no tokenizer: the gaps before
            // " sky" (4 of 47 characters) and the third piece (40 of 47) stand for their shares of it.
            assertThat(r.tokenGaps().tokens()).isEqualTo((int) Math.round(12.0 * 44 / 47));
        }
    }

    @Test
    void aWholeJsonAnswerIsReadWithoutStreaming() throws Exception {
        try (var server = new FakeModelServer((request, exchange) ->
                FakeModelServer.send(exchange, 200, "application/json; charset=utf-8", DOC_WHOLE));
             var client = new OllamaClient(ClientSettings.of(server.baseUrl(), Duration.ofSeconds(5), 0))) {
            CallResult r = client.chat(ClientFaultTest.request("hello"));

            assertThat(r.content()).isEqualTo("Hello! How are you today?");
            assertThat(r.streamed()).isFalse();
            assertThat(r.ttftMs()).isNull();
            // The docs elide the answer: 298 tokens cannot come from 25 characters, so the count is the estimate.
            assertThat(r.implausible()).extracting(Implausible::figure).containsExactly("completion_tokens", "server_timings.eval_count");
            assertThat(r.completionTokens()).isBetween(1, 25);
            assertThat(r.tokensEstimated()).isTrue();
            assertThat(r.finishReason()).isNull();
        }
    }

    @Test
    void thinkingIsKeptApartAndCountsTowardsTtft() throws Exception {
        List<String> lines = List.of(
                "{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"The user greets.\"},\"done\":false}\n",
                "{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"Hello!\"},\"done\":false}\n",
                "{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"length\",\"eval_count\":9,\"eval_duration\":900000}\n");
        try (var server = new FakeModelServer((request, exchange) -> FakeModelServer.stream(exchange, "application/x-ndjson", lines, 0));
             var client = new OllamaClient(ClientSettings.of(server.baseUrl(), Duration.ofSeconds(5), 0))) {
            CallResult r = client.chat(ClientFaultTest.request("hi"));

            assertThat(r.content()).isEqualTo("Hello!");
            assertThat(r.thinking()).isEqualTo("The user greets.");
            assertThat(r.finishReason()).isEqualTo("length");
            assertThat(r.completionTokens()).isEqualTo(9);
            // No prompt_eval_count (a fully cached prompt): the prompt count is estimated, and marked so.
            assertThat(r.tokensEstimated()).isTrue();
            assertThat(r.promptTokens()).isEqualTo(TokenCounter.count("hi"));
        }
    }

    @Test
    void modelsComeFromApiTags() throws Exception {
        try (var server = new FakeModelServer((request, exchange) -> FakeModelServer.send(exchange, 200, "application/json", DOC_TAGS));
             var client = new OllamaClient(ClientSettings.of(server.baseUrl(), Duration.ofSeconds(5), 0))) {
            assertThat(client.listModels()).containsExactly("deepseek-r1:latest", "llama3.2:latest");
            assertThat(server.requests().get(0).path()).isEqualTo("/api/tags");
        }
    }

    @Test
    void modelDetailsComeFromApiTagsWithTheQuantization() throws Exception {
        try (var server = new FakeModelServer((request, exchange) -> FakeModelServer.send(exchange, 200, "application/json", DOC_TAGS));
             var client = new OllamaClient(ClientSettings.of(server.baseUrl(), Duration.ofSeconds(5), 0))) {
            var details = client.modelDetails();
            assertThat(details).containsOnlyKeys("deepseek-r1:latest", "llama3.2:latest");
            assertThat(details.get("deepseek-r1:latest"))
                    .containsEntry("size", 4683075271L)
                    .containsEntry("digest", "0a8c266910232fd3291e71e5ba1e058cc5af9d411192cf88b6d30e92b6e73163")
                    .containsEntry("details.family", "qwen2")
                    .containsEntry("details.parameter_size", "7.6B")
                    .containsEntry("details.quantization_level", "Q4_K_M")
                    .containsKey("modified_at")
                    .doesNotContainKeys("name", "model", "details.families");
        }
    }

    @Test
    void anUnknownModelIsAn4xxThatIsNotRetried() throws Exception {
        try (var server = new FakeModelServer((request, exchange) ->
                FakeModelServer.send(exchange, 404, "application/json", "{\"error\":\"model \\\"nope\\\" not found, try pulling it first\"}"));
             var client = new OllamaClient(ClientSettings.of(server.baseUrl(), Duration.ofSeconds(5), 3))) {
            CallResult r = client.chat(ClientFaultTest.request("hi"));
            assertThat(r.errorKind()).isEqualTo(ErrorKind.HTTP_4XX);
            assertThat(r.errorMessage()).contains("not found");
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(server.requests()).hasSize(1);
        }
    }
}
