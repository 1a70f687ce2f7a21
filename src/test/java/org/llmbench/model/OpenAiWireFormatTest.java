package org.llmbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.llmbench.testing.FakeModelServer;

/**
 * The OpenAI-compatible client against bodies taken from real servers: llama.cpp captures (shared
 * reference/wire-formats.md, verbatim) and the chunk shapes of OpenAI's chat completions streaming documentation.
 */
class OpenAiWireFormatTest {

    // llama.cpp llama-server, streaming, max_tokens 6: the whole body as captured.
    static final String LLAMA_CPP_STREAM = """
            data: {"choices":[{"finish_reason":null,"index":0,"delta":{"content":"\\""}}],"created":1795422756,"id":"chatcmpl-nfobJGeP2kyP8vb5Eh3DQXPrdsAka7cH","model":"stories260K","system_fingerprint":"b0-unknown","object":"chat.completion.chunk"}

            data: {"choices":[{"finish_reason":null,"index":0,"delta":{"content":"H"}}],"created":1795422756,"id":"chatcmpl-nfobJGeP2kyP8vb5Eh3DQXPrdsAka7cH","model":"stories260K","system_fingerprint":"b0-unknown","object":"chat.completion.chunk"}

            data: {"choices":[{"finish_reason":null,"index":0,"delta":{"content":"e"}}],"created":1795422756,"id":"chatcmpl-nfobJGeP2kyP8vb5Eh3DQXPrdsAka7cH","model":"stories260K","system_fingerprint":"b0-unknown","object":"chat.completion.chunk"}

            data: {"choices":[{"finish_reason":null,"index":0,"delta":{"content":"re"}}],"created":1795422756,"id":"chatcmpl-nfobJGeP2kyP8vb5Eh3DQXPrdsAka7cH","model":"stories260K","system_fingerprint":"b0-unknown","object":"chat.completion.chunk"}

            data: {"choices":[{"finish_reason":null,"index":0,"delta":{"content":"?"}}],"created":1795422756,"id":"chatcmpl-nfobJGeP2kyP8vb5Eh3DQXPrdsAka7cH","model":"stories260K","system_fingerprint":"b0-unknown","object":"chat.completion.chunk"}

            data: {"choices":[{"finish_reason":null,"index":0,"delta":{"content":"\\""}}],"created":1795422756,"id":"chatcmpl-nfobJGeP2kyP8vb5Eh3DQXPrdsAka7cH","model":"stories260K","system_fingerprint":"b0-unknown","object":"chat.completion.chunk"}

            data: {"choices":[{"finish_reason":"length","index":0,"delta":{}}],"created":1795422756,"id":"chatcmpl-nfobJGeP2kyP8vb5Eh3DQXPrdsAka7cH","model":"stories260K","system_fingerprint":"b0-unknown","object":"chat.completion.chunk","usage":{"completion_tokens":6,"prompt_tokens":45,"total_tokens":51},"timings":{"prompt_n":30,"prompt_ms":7.367,"prompt_per_token_ms":0.24556666666666666,"prompt_per_second":4072.21392697163,"predicted_n":6,"predicted_ms":4.583,"predicted_per_token_ms":0.7638333333333334,"predicted_per_second":1309.1861226271}}

            data: [DONE]

            """;

    // llama.cpp, non-streaming, max_tokens 12.
    static final String LLAMA_CPP_WHOLE = """
            {"choices":[{"finish_reason":"length","index":0,"message":{"role":"assistant","content":"\\"Here,\\" replake"}}],
             "created":1795422756,"model":"stories260K","system_fingerprint":"b0-unknown","object":"chat.completion",
             "usage":{"completion_tokens":12,"prompt_tokens":76,"total_tokens":88},"id":"chatcmpl-qHS39HbqrzMYctDQXH0BdZHyfMw2uGUE",
             "timings":{"prompt_n":65,"prompt_ms":20.597,"prompt_per_token_ms":0.3168769230769231,"prompt_per_second":3155.799388260426,
                        "predicted_n":12,"predicted_ms":16.353,"predicted_per_token_ms":1.3627500000000001,"predicted_per_second":733.8103100348559}}
            """;

    static final String LLAMA_CPP_MODELS = """
            {"object":"list","data":[{"id":"stories260K","object":"model","created":1795422756,"owned_by":"llamacpp",
              "meta":{"vocab_type":1,"n_vocab":512,"n_ctx_train":2048,"n_embd":64,"n_params":292800,"size":1171200}}]}
            """;

    // OpenAI's documented stream: a role chunk with empty content, content chunks, a finish chunk, and with
    // stream_options.include_usage a last chunk whose choices are empty and which carries usage.
    static final String OPENAI_DOC_STREAM = """
            data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}

            data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}]}

            data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"content":"!"},"logprobs":null,"finish_reason":null}]}

            data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}

            data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}

            data: [DONE]

            """;

    @Test
    void llamaCppStreamGivesContentUsageTimingsAndTtft() throws Exception {
        try (var server = new FakeModelServer((request, exchange) ->
                FakeModelServer.stream(exchange, "text/event-stream", events(LLAMA_CPP_STREAM), 5));
             var client = new OpenAiClient(ClientSettings.of(server.openAiUrl(), Duration.ofSeconds(5), 0))) {
            CallResult r = client.chat(ClientFaultTest.request("Tell me a story"));

            assertThat(r.ok()).isTrue();
            assertThat(r.content()).isEqualTo("\"Here?\"");
            assertThat(r.finishReason()).isEqualTo("length");
            assertThat(r.promptTokens()).isEqualTo(45);
            assertThat(r.completionTokens()).isEqualTo(6);
            assertThat(r.tokensEstimated()).isFalse();
            assertThat(r.streamed()).isTrue();
            assertThat(r.ttftMs()).isNotNull().isLessThanOrEqualTo(r.latencyMs());
            assertThat(r.latencyMs()).isGreaterThanOrEqualTo(5L * 6);
            assertThat(r.tpotMs()).isNotNull().isPositive();
            assertThat(r.tokenGaps().tokens()).isGreaterThanOrEqualTo(5);
            assertThat(r.tokenGaps().maxMs()).isGreaterThanOrEqualTo(r.tokenGaps().p90Ms());
            assertThat(r.serverTimings()).containsEntry("prompt_n", 30).containsEntry("predicted_n", 6)
                    .containsKeys("prompt_ms", "predicted_ms");
            assertThat(r.serverCompletionTokensPerSecond()).isCloseTo(1309.186, org.assertj.core.data.Offset.offset(0.01));
            assertThat(r.charsOut()).isEqualTo(7);
        }
    }

    @Test
    void theRequestAsksForAStreamWithUsageAndSendsTheKeyAsBearer() throws Exception {
        try (var server = new FakeModelServer((request, exchange) ->
                FakeModelServer.stream(exchange, "text/event-stream", events(OPENAI_DOC_STREAM), 0));
             var client = new OpenAiClient(ClientSettings.of(server.openAiUrl(), Duration.ofSeconds(5), 0).withApiKey("sk-test"))) {
            CallResult r = client.chat(new ChatRequest("gpt-4o-mini",
                    List.of(ChatMessage.system("be brief"), ChatMessage.user("hi")), new GenerationOptions(0.2, 8192, 100, 7L), "REF"));

            var sent = server.requests().get(0);
            assertThat(sent.path()).isEqualTo("/v1/chat/completions");
            assertThat(sent.authorization()).isEqualTo("Bearer sk-test");
            assertThat(sent.body().path("stream").asBoolean()).isTrue();
            assertThat(sent.body().at("/stream_options/include_usage").asBoolean()).isTrue();
            assertThat(sent.body().path("max_tokens").asInt()).isEqualTo(100);
            assertThat(sent.body().path("temperature").asDouble()).isEqualTo(0.2);
            assertThat(sent.body().path("seed").asLong()).isEqualTo(7);
            assertThat(sent.body().path("messages").toString()).isEqualTo(
                    "[{\"role\":\"system\",\"content\":\"be brief\"},{\"role\":\"user\",\"content\":\"hi\"}]");
            assertThat(sent.body().toString()).doesNotContain("REF").doesNotContain("num_ctx");

            assertThat(r.content()).isEqualTo("Hello!");
            assertThat(r.finishReason()).isEqualTo("stop");
            assertThat(r.promptTokens()).isEqualTo(9);
            assertThat(r.completionTokens()).isEqualTo(2);
            assertThat(r.tokensEstimated()).isFalse();
        }
    }

    @Test
    void aServerThatAnswersJsonInsteadOfStreamingIsReadWhole() throws Exception {
        try (var server = new FakeModelServer((request, exchange) ->
                FakeModelServer.send(exchange, 200, "application/json", LLAMA_CPP_WHOLE));
             var client = new OpenAiClient(ClientSettings.of(server.openAiUrl(), Duration.ofSeconds(5), 0))) {
            CallResult r = client.chat(ClientFaultTest.request("Tell me a story"));

            assertThat(r.ok()).isTrue();
            assertThat(r.content()).isEqualTo("\"Here,\" replake");
            assertThat(r.streamed()).isFalse();
            assertThat(r.ttftMs()).isNull();
            assertThat(r.tokenGaps()).isNull();
            assertThat(r.promptTokens()).isEqualTo(76);
            assertThat(r.completionTokens()).isEqualTo(12);
            assertThat(r.finishReason()).isEqualTo("length");
            assertThat(r.serverTimings()).containsEntry("prompt_n", 65).containsEntry("predicted_n", 12);
        }
    }

    @Test
    void withoutUsageTokensAreEstimatedWithATokenizerAndMarked() throws Exception {
        String stream = events(OPENAI_DOC_STREAM).stream().filter(e -> !e.contains("usage")).collect(Collectors.joining());
        try (var server = new FakeModelServer((request, exchange) ->
                FakeModelServer.stream(exchange, "text/event-stream", List.of(stream), 0));
             var client = new OpenAiClient(ClientSettings.of(server.openAiUrl(), Duration.ofSeconds(5), 0))) {
            CallResult r = client.chat(ClientFaultTest.request("hello world"));

            assertThat(r.tokensEstimated()).isTrue();
            assertThat(r.promptTokens()).isEqualTo(TokenCounter.count("hello world")).isEqualTo(2);
            assertThat(r.completionTokens()).isEqualTo(TokenCounter.count("Hello!")).isEqualTo(2);
        }
    }

    @Test
    void reasoningIsKeptApartFromTheAnswerAndAUsageOnlyChunkWithoutChoicesIsAccepted() throws Exception {
        // vLLM and llama.cpp stream delta.reasoning_content; vLLM ends with a usage chunk whose choices are null.
        List<String> events = List.of(
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"reasoning_content\":\"Let me think.\"}}]}\n\n",
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"42\"},\"finish_reason\":\"stop\"}]}\n\n",
                "data: {\"choices\":null,\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":6}}\n\n",
                ": keep-alive comment\n\n",
                "data: [DONE]\n\n");
        try (var server = new FakeModelServer((request, exchange) ->
                FakeModelServer.stream(exchange, "text/event-stream", events, 0));
             var client = new OpenAiClient(ClientSettings.of(server.openAiUrl(), Duration.ofSeconds(5), 0))) {
            CallResult r = client.chat(ClientFaultTest.request("6 x 7?"));

            assertThat(r.content()).isEqualTo("42");
            assertThat(r.thinking()).isEqualTo("Let me think.");
            assertThat(r.completionTokens()).isEqualTo(6);
            assertThat(r.charsOut()).isEqualTo(2);
        }
    }

    @Test
    void modelDetailsKeepWhatTheServerAddsToEachEntry() throws Exception {
        try (var server = new FakeModelServer((request, exchange) ->
                FakeModelServer.send(exchange, 200, "application/json", LLAMA_CPP_MODELS));
             var client = new OpenAiClient(ClientSettings.of(server.openAiUrl(), Duration.ofSeconds(5), 0))) {
            assertThat(client.modelDetails().get("stories260K"))
                    .containsEntry("owned_by", "llamacpp")
                    .containsEntry("meta.n_ctx_train", 2048)
                    .containsEntry("meta.n_params", 292800)
                    .doesNotContainKeys("id", "object");
        }
    }

    @Test
    void modelsAreListedFromV1Models() throws Exception {
        try (var server = new FakeModelServer((request, exchange) ->
                FakeModelServer.send(exchange, 200, "application/json", LLAMA_CPP_MODELS));
             var client = new OpenAiClient(ClientSettings.of(server.openAiUrl(), Duration.ofSeconds(5), 0))) {
            assertThat(client.listModels()).containsExactly("stories260K");
            assertThat(server.requests().get(0).path()).isEqualTo("/v1/models");
        }
    }

    @Test
    void llamaCppMalformedBodyAnswerIsAnHttp5xxWithTheServersMessage() throws Exception {
        String body = "{\"error\":{\"code\":500,\"message\":\"[json.exception.parse_error.101] parse error\",\"type\":\"server_error\"}}";
        try (var server = new FakeModelServer((request, exchange) -> FakeModelServer.send(exchange, 500, "application/json", body));
             var client = new OpenAiClient(ClientSettings.of(server.openAiUrl(), Duration.ofSeconds(5), 1).withBackoffMs(5))) {
            CallResult r = client.chat(ClientFaultTest.request("x"));
            assertThat(r.errorKind()).isEqualTo(ErrorKind.HTTP_5XX);
            assertThat(r.httpStatus()).isEqualTo(500);
            assertThat(r.errorMessage()).contains("parse_error");
            assertThat(r.attempts()).isEqualTo(2);
        }
    }

    @Test
    void anErrorEventInsideTheStreamIsTheServersErrorWithItsMessage() throws Exception {
        List<String> events = List.of("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n",
                "data: {\"error\":{\"message\":\"context size exceeded\",\"type\":\"server_error\"}}\n\n");
        try (var server = new FakeModelServer((request, exchange) -> FakeModelServer.stream(exchange, "text/event-stream", events, 0));
             var client = new OpenAiClient(ClientSettings.of(server.openAiUrl(), Duration.ofSeconds(5), 0))) {
            CallResult r = client.chat(ClientFaultTest.request("x"));
            assertThat(r.errorKind()).isEqualTo(ErrorKind.SERVER_ERROR);
            assertThat(r.errorMessage()).contains("context size exceeded");
            assertThat(r.httpStatus()).isEqualTo(200);
            assertThat(r.streamed()).isTrue();
        }
    }

    /** Splits a captured SSE body into its events, so the fake sends them as separate chunks. */
    static List<String> events(String body) {
        return Arrays.stream(body.split("\n\n")).filter(e -> !e.isBlank()).map(e -> e + "\n\n").toList();
    }
}
