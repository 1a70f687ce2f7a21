package org.llmbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.llmbench.testing.FakeModelServer;

/**
 * Log-probabilities from each real wire format (llama-server's /v1/completions and /completion, vLLM's and OpenAI's
 * legacy completions, Ollama's /api/generate) against a local fake, and every way a server misbehaves: the chosen
 * letter and the recorded failure are right, and nothing throws.
 */
class LogprobWireTest {

    static final String PROMPT = "The following are multiple choice questions (with answers) about astronomy.\n\n"
            + "Largest planet?\nA. Mars\nB. Jupiter\nC. Venus\nD. Earth\nAnswer:";
    static final List<String> LETTERS = List.of("A", "B", "C", "D");

    // llama-server c392e50 /v1/completions, logprobs 5, stories260K: the captured body's shape (docs/BENCHMARKS.md),
    // with the candidates a test needs. That vocabulary has " B" but not " A", " C", " D": those are " " then a letter.
    static String llamaCpp(String... tokenLogprob) {
        StringBuilder top = new StringBuilder();
        for (int i = 0; i < tokenLogprob.length; i += 2) {
            top.append(i == 0 ? "" : ",").append("{\"id\":").append(300 + i).append(",\"token\":").append(quote(tokenLogprob[i]))
                    .append(",\"bytes\":[32],\"logprob\":").append(tokenLogprob[i + 1]).append('}');
        }
        return "{\"choices\":[{\"text\":\" \\\"\",\"index\":0,\"logprobs\":{\"content\":[{\"id\":313,\"token\":"
                + quote(tokenLogprob[0]) + ",\"bytes\":[32,34],\"logprob\":" + tokenLogprob[1] + ",\"top_logprobs\":[" + top
                + "]}]},\"finish_reason\":\"length\"}],\"created\":1796607391,\"model\":\"gpt-3.5-turbo\","
                + "\"system_fingerprint\":\"b0-unknown\",\"object\":\"text_completion\",\"usage\":{\"completion_tokens\":1,"
                + "\"prompt_tokens\":21,\"total_tokens\":22},\"id\":\"chatcmpl-43nLfGr4ERYYMvBTWZDge4TBRa1vBWtt\","
                + "\"timings\":{\"prompt_n\":21,\"prompt_ms\":123.335,\"predicted_n\":1,\"predicted_ms\":0.066}}";
    }

    // vLLM / OpenAI legacy completions: top_logprobs is a list (one per generated token) of token -> logprob objects.
    static String legacy(String topObject) {
        return "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"text\":\" B\",\"logprobs\":{\"text_offset\":[0],\"token_logprobs\":[-0.3],\"tokens\":[\" B\"],"
                + "\"top_logprobs\":[" + topObject + "]},\"finish_reason\":\"length\",\"stop_reason\":null}],"
                + "\"usage\":{\"prompt_tokens\":30,\"total_tokens\":31,\"completion_tokens\":1}}";
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static FakeModelServer server(Function<FakeModelServer.Request, String> body) throws IOException {
        return new FakeModelServer((r, ex) -> FakeModelServer.send(ex, 200, "application/json", body.apply(r)));
    }

    private static OpenAiClient openAi(FakeModelServer server) {
        return new OpenAiClient(ClientSettings.of(server.openAiUrl(), Duration.ofSeconds(5), 0));
    }

    private static LogprobRequest request() {
        return new LogprobRequest("m", PROMPT, LETTERS, null, null, 20);
    }

    @Test
    void llamaServerLettersOfOneAndTwoTokensAreWalkedAndSummed() throws Exception {
        try (var server = server(r -> r.body().path("prompt").asText().endsWith("Answer: ")
                ? llamaCpp("A", "-0.2", "C", "-3", "D", "-5", "x", "-6")
                : llamaCpp(" ", "-0.5", " B", "-1.0", " L", "-3.3"));
             var client = openAi(server)) {
            LogprobResult r = client.logprobs(request());

            assertThat(r.call().ok()).as(r.call().errorMessage()).isTrue();
            assertThat(r.letters().byLetter()).containsEntry("A", -0.7).containsEntry("B", -1.0)
                    .containsEntry("C", -3.5).containsEntry("D", -5.5);
            assertThat(r.letters().chosen()).isEqualTo("A");
            assertThat(r.call().content()).isEqualTo("A");
            assertThat(r.letters().requests()).isEqualTo(2);
            assertThat(r.call().promptTokens()).isEqualTo(21);
            assertThat(r.call().serverTimings()).containsKey("prompt_ms");
            var sent = server.chatRequests().get(0);
            assertThat(sent.path()).isEqualTo("/v1/completions");
            assertThat(sent.body().path("logprobs").asInt()).isEqualTo(20);
            assertThat(sent.body().path("max_tokens").asInt()).isEqualTo(1);
            assertThat(sent.body().path("temperature").asDouble()).isZero();
            assertThat(sent.body().has("messages")).isFalse();
            assertThat(server.chatRequests()).hasSize(2);
        }
    }

    // Verbatim: llama-server c392e50 serving stories260K, POST /v1/completions {"prompt": "Once upon a time, there was a
    // little girl. Answer:", "max_tokens": 1, "logprobs": 5, "temperature": 0}.
    static final String LLAMA_CPP_CAPTURED = "{\"choices\":[{\"text\":\" \\\"\",\"index\":0,\"logprobs\":{\"content\":[{\"id\":313,"
            + "\"token\":\" \\\"\",\"bytes\":[32,34],\"logprob\":-0.9057155251502991,\"top_logprobs\":[{\"id\":313,\"token\":\" \\\"\","
            + "\"bytes\":[32,34],\"logprob\":-0.9057155251502991},{\"id\":410,\"token\":\" \",\"bytes\":[32],\"logprob\":-1.2328124046325684},"
            + "{\"id\":286,\"token\":\" was\",\"bytes\":[32,119,97,115],\"logprob\":-3.2465853691101074},{\"id\":307,\"token\":\" L\","
            + "\"bytes\":[32,76],\"logprob\":-3.312875270843506},{\"id\":301,\"token\":\" S\",\"bytes\":[32,83],\"logprob\":-3.403730869293213}]}]},"
            + "\"finish_reason\":\"length\"}],\"created\":1796607391,\"model\":\"gpt-3.5-turbo\",\"system_fingerprint\":\"b0-unknown\","
            + "\"object\":\"text_completion\",\"usage\":{\"completion_tokens\":1,\"prompt_tokens\":21,\"total_tokens\":22},"
            + "\"id\":\"chatcmpl-43nLfGr4ERYYMvBTWZDge4TBRa1vBWtt\",\"timings\":{\"prompt_n\":21,\"prompt_ms\":123.335,"
            + "\"prompt_per_token_ms\":5.873095238095238,\"prompt_per_second\":170.26796935176554,\"predicted_n\":1,"
            + "\"predicted_ms\":0.066,\"predicted_per_token_ms\":0.066,\"predicted_per_second\":15151.51515151515}}";

    @Test
    void theCapturedLlamaServerBodyReadsAsItsTopFive() throws Exception {
        var parsed = CompletionLogprobs.firstToken(LLAMA_CPP_CAPTURED);
        assertThat(parsed.candidates()).extracting(ContinuationWalk.NextToken::text).containsExactly(" \"", " ", " was", " L", " S");
        assertThat(parsed.candidates().get(1).logprob()).isEqualTo(-1.2328124046325684);
        assertThat(parsed.promptTokens()).isEqualTo(21);
        assertThat(parsed.completionTokens()).isEqualTo(1);
        assertThat(parsed.timings()).containsEntry("prompt_n", 21);
        assertThat(parsed.finishReason()).isEqualTo("length");
    }

    @Test
    void vllmLegacyTopLogprobsObjects() throws Exception {
        try (var server = server(r -> legacy("{\" B\":-0.3,\" A\":-2.1,\" C\":-1.5,\" D\":-4.0,\"\\n\":-5.0}"));
             var client = openAi(server)) {
            LogprobResult r = client.logprobs(request());
            assertThat(r.letters().byLetter()).containsExactly(java.util.Map.entry("A", -2.1), java.util.Map.entry("B", -0.3),
                    java.util.Map.entry("C", -1.5), java.util.Map.entry("D", -4.0));
            assertThat(r.letters().chosen()).isEqualTo("B");
            assertThat(r.call().promptTokens()).isEqualTo(30);
        }
    }

    @Test
    void llamaServerNativeCompletionProbabilitiesAndPostSamplingProbs() throws Exception {
        var parsed = CompletionLogprobs.firstToken("{\"content\":\" C\",\"tokens_evaluated\":12,\"tokens_predicted\":1,"
                + "\"completion_probabilities\":[{\"id\":1,\"token\":\" C\",\"logprob\":-0.1,\"top_logprobs\":["
                + "{\"id\":1,\"token\":\" C\",\"logprob\":-0.1},{\"id\":2,\"token\":\" A\",\"logprob\":-2.5}]}]}");
        assertThat(parsed.candidates()).extracting(ContinuationWalk.NextToken::text).containsExactly(" C", " A");
        assertThat(parsed.promptTokens()).isEqualTo(12);
        var probs = CompletionLogprobs.firstToken("{\"completion_probabilities\":[{\"token\":\" C\",\"prob\":0.5,\"top_probs\":["
                + "{\"token\":\" C\",\"prob\":0.5},{\"token\":\" A\",\"prob\":0.0}]}]}");
        assertThat(probs.candidates().get(0).logprob()).isCloseTo(Math.log(0.5), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(probs.candidates().get(1).logprob()).isEqualTo(LetterLogprobs.IMPOSSIBLE);
    }

    @Test
    void ollamaGenerateWithRawPromptAndTopLogprobs() throws Exception {
        try (var server = server(r -> "{\"model\":\"m\",\"response\":\" D\",\"done\":true,\"done_reason\":\"length\","
                + "\"prompt_eval_count\":40,\"eval_count\":1,\"eval_duration\":1000,\"logprobs\":[{\"token\":\" D\",\"logprob\":-0.4,"
                + "\"top_logprobs\":[{\"token\":\" D\",\"logprob\":-0.4},{\"token\":\" A\",\"logprob\":-1.9}]}]}");
             var client = new OllamaClient(ClientSettings.of(server.baseUrl(), Duration.ofSeconds(5), 0))) {
            LogprobResult r = client.logprobs(request());
            assertThat(r.letters().chosen()).isEqualTo("D");
            assertThat(r.letters().absent()).containsExactly("B", "C");
            var sent = server.chatRequests().get(0);
            assertThat(sent.path()).isEqualTo("/api/generate");
            assertThat(sent.body().path("raw").asBoolean()).isTrue();
            assertThat(sent.body().path("logprobs").asBoolean()).isTrue();
            assertThat(sent.body().path("top_logprobs").asInt()).isEqualTo(20);
            assertThat(sent.body().path("options").path("num_predict").asInt()).isEqualTo(1);
            assertThat(r.call().promptTokens()).isEqualTo(40);
        }
    }

    @Test
    void aServerWithoutLogprobsIsUnsupportedOnceWithItsUrlAndTheFix() throws Exception {
        // LM Studio answers a completion and leaves logprobs out (lmstudio-ai/lms#60)
        try (var server = server(r -> "{\"choices\":[{\"index\":0,\"text\":\" B\",\"logprobs\":null,\"finish_reason\":\"length\"}]}");
             var client = openAi(server)) {
            LogprobResult r = client.logprobs(request());
            assertThat(r.unsupported()).isTrue();
            assertThat(r.letters()).isNull();
            assertThat(r.call().errorMessage()).contains(server.openAiUrl() + "/completions", "sent no log-probabilities",
                    "generative", "llama-server or vLLM");
            LogprobResult again = client.logprobs(request());
            assertThat(again.unsupported()).isTrue();
            assertThat(server.chatRequests()).as("the second question asks nothing").hasSize(1);
        }
    }

    @Test
    void noCompletionsEndpointIsUnsupported() throws Exception {
        try (var server = new FakeModelServer((r, ex) -> FakeModelServer.send(ex, 404, "text/plain", "404 page not found"));
             var client = openAi(server)) {
            LogprobResult r = client.logprobs(request());
            assertThat(r.unsupported()).isTrue();
            assertThat(r.call().errorMessage()).contains("HTTP 404");
        }
        try (var server = new FakeModelServer((r, ex) -> FakeModelServer.send(ex, 404, "application/json",
                "{\"error\":\"model 'qwen3:8b' not found\"}"));
             var client = new OllamaClient(ClientSettings.of(server.baseUrl(), Duration.ofSeconds(5), 0))) {
            LogprobResult r = client.logprobs(request());
            assertThat(r.unsupported()).as("a missing model is no missing endpoint").isFalse();
            assertThat(r.call().errorKind()).isEqualTo(ErrorKind.HTTP_4XX);
            assertThat(r.call().errorMessage()).contains("not found");
        }
    }

    @Test
    void aServerThatAllowsFewerLogprobsIsAskedAgainWithFiveAndKeepsToThem() throws Exception {
        try (var server = new FakeModelServer((r, ex) -> {
            if (r.body().path("logprobs").asInt() > 5) {
                FakeModelServer.send(ex, 400, "application/json", "{\"object\":\"error\",\"message\":\"Requested sample "
                        + "logprobs of 20, which is greater than max allowed: 5\",\"type\":\"BadRequestError\",\"code\":400}");
            } else {
                FakeModelServer.send(ex, 200, "application/json", legacy("{\" C\":-0.2,\" A\":-1.9}"));
            }
        }); var client = openAi(server)) {
            LogprobResult r = client.logprobs(request());
            assertThat(r.call().ok()).as(r.call().errorMessage()).isTrue();
            assertThat(r.letters().chosen()).isEqualTo("C");
            assertThat(r.letters().topK()).isEqualTo(5);
            assertThat(client.logprobs(request()).letters().topK()).isEqualTo(5);
            assertThat(server.chatRequests()).extracting(q -> q.body().path("logprobs").asInt()).containsExactly(20, 5, 5);
        }
    }

    @Test
    void aServerErrorIsTheQuestionsFailureNotAFallback() throws Exception {
        try (var server = new FakeModelServer((r, ex) -> FakeModelServer.send(ex, 500, "application/json",
                "{\"error\":{\"code\":500,\"message\":\"Unsupported param: echo\",\"type\":\"server_error\"}}"));
             var client = openAi(server)) {
            LogprobResult r = client.logprobs(request());
            assertThat(r.unsupported()).isFalse();
            assertThat(r.call().errorKind()).isEqualTo(ErrorKind.HTTP_5XX);
            assertThat(r.call().errorMessage()).contains("Unsupported param");
        }
    }

    @Test
    void misbehavingBodiesAreRecordedFailuresNamingWhatWasWrong() throws Exception {
        assertFailure("not json at all", ErrorKind.PROTOCOL, "not valid JSON");
        assertFailure(legacy("{\" A\":NaN,\" B\":-1.0}"), ErrorKind.PROTOCOL, "NaN", "' A'");
        assertFailure(legacy("{\" A\":0.7,\" B\":-1.0}"), ErrorKind.PROTOCOL, "positive log-probability");
        assertFailure(legacy("{\" A\":\"high\"}"), ErrorKind.PROTOCOL, "not a number");
        assertFailure("{\"choices\":[]}", ErrorKind.PROTOCOL, "no choices");
        assertFailure("{\"choices\":[{\"logprobs\":{\"content\":[]}}]}", ErrorKind.PROTOCOL, "holds no generated token");
        assertFailure("{\"choices\":[{\"logprobs\":{\"tokens\":[]}}]}", ErrorKind.PROTOCOL, "neither content nor top_logprobs");
        assertFailure("[1,2]", ErrorKind.PROTOCOL, "not a JSON object");
        assertFailure("{\"error\":{\"code\":400,\"message\":\"logprobs too high\"}}", ErrorKind.SERVER_ERROR, "logprobs too high");
    }

    private static void assertFailure(String body, ErrorKind kind, String... said) throws Exception {
        try (var server = server(r -> body); var client = openAi(server)) {
            LogprobResult r = client.logprobs(request());
            assertThat(r.unsupported()).as(body).isFalse();
            assertThat(r.letters()).as(body).isNull();
            assertThat(r.call().errorKind()).as(body).isEqualTo(kind);
            assertThat(r.call().errorMessage()).as(body).contains(said);
        }
    }

    @Test
    void minusInfinityIsImpossibleNotAFailureAndNullIsToo() throws Exception {
        try (var server = server(r -> legacy("{\" A\":-Infinity,\" B\":null,\" C\":-9.0,\" D\":-12.0}")); var client = openAi(server)) {
            LogprobResult r = client.logprobs(request());
            assertThat(r.call().ok()).as(r.call().errorMessage()).isTrue();
            assertThat(r.letters().byLetter()).containsEntry("A", LetterLogprobs.IMPOSSIBLE).containsEntry("B", LetterLogprobs.IMPOSSIBLE);
            assertThat(r.letters().chosen()).isEqualTo("C");
        }
    }

    @Test
    void lettersAbsentFromTheTopKChooseNothingAndAPartialTopKStillChoosesRight() throws Exception {
        try (var server = server(r -> legacy("{\"\\n\":-0.1,\" the\":-2.0,\"x\":-3.0}")); var client = openAi(server)) {
            LogprobResult r = client.logprobs(request());
            assertThat(r.call().ok()).isTrue();
            assertThat(r.letters().chosen()).isNull();
            assertThat(r.letters().absent()).containsExactlyElementsOf(LETTERS);
            assertThat(r.call().content()).isEmpty();
        }
        // Only C is in the top-k: A, B and D are below its last entry, so C wins as it would with every letter known.
        try (var server = server(r -> legacy("{\"\\n\":-0.1,\" C\":-2.0,\"x\":-3.0}")); var client = openAi(server)) {
            assertThat(client.logprobs(request()).letters().chosen()).isEqualTo("C");
        }
    }

    @Test
    void aTieGoesToTheFirstLetterAsLmEvalsArgmax() throws Exception {
        try (var server = server(r -> legacy("{\" D\":-1.0,\" B\":-1.0}")); var client = openAi(server)) {
            assertThat(client.logprobs(request()).letters().chosen()).isEqualTo("B");
        }
    }

    @Test
    void aTruncatedBodyAndAHugeBodyAreFailuresNotCrashes() throws Exception {
        String body = legacy("{\" A\":-0.1}");
        try (var server = new FakeModelServer((r, ex) -> truncated(ex, body));
             var client = openAi(server)) {
            LogprobResult r = client.logprobs(request());
            assertThat(r.call().ok()).isFalse();
            assertThat(r.call().errorKind()).isIn(ErrorKind.CONNECTION, ErrorKind.PROTOCOL);
        }
        String huge = legacy("{\" A\":-0.1,\"" + "x".repeat(2 * 1024 * 1024) + "\":-1.0}");
        try (var server = server(r -> huge);
             var client = new OpenAiClient(ClientSettings.of(server.openAiUrl(), Duration.ofSeconds(5), 0).withMaxBodyBytes(1024 * 1024))) {
            LogprobResult r = client.logprobs(request());
            assertThat(r.call().errorKind()).isEqualTo(ErrorKind.TOO_LARGE);
        }
    }

    private static void truncated(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        exchange.getHttpContext().getServer().stop(0);
    }

    @Test
    void theProvidersWithoutLogprobsSaySoAndTheMockScoresByThem() {
        LogprobRequest oracle = new LogprobRequest("mock", PROMPT, LETTERS, "B", null, 20);
        try (var mock = new MockModelClient(42)) {
            assertThat(mock.logprobs(oracle).letters().chosen()).isEqualTo("B");
            LogprobResult junk = mock.logprobs(new LogprobRequest("mock:junk", PROMPT, LETTERS, "B", null, 20));
            assertThat(junk.call().ok()).isTrue();
            assertThat(junk.letters().chosen()).isNull();
            assertThat(mock.logprobs(new LogprobRequest("mock:failing", PROMPT, LETTERS, "B", null, 20)).call().errorKind())
                    .isEqualTo(ErrorKind.CONNECTION);
        }
        // java-llama.cpp 4.2.0 aborts the JVM on n_probs: the in-process provider says so without touching native code.
        try (var gguf = new GgufClient(2048, 1)) {
            LogprobResult r = gguf.logprobs(new LogprobRequest("/models/x.gguf", PROMPT, LETTERS, null, null, 20));
            assertThat(r.unsupported()).isTrue();
            assertThat(r.call().errorMessage()).contains("llama-server -m /models/x.gguf", "generative");
        }
    }
}
