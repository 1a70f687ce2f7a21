package org.llmbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.llmbench.testing.FakeModelServer;
import org.llmbench.testing.HostileServer;

/**
 * A hostile server of each wire format quotes the caller's Authorization header back everywhere it can: in an
 * in-stream error, a 4xx and a 5xx body, response headers, a JSON parse error, the answer itself and the model
 * listing. The key appears in no result and no failure; unrelated credentials in server text are masked too.
 */
class RedactionTest {

    static final String CANARY = HostileServer.CANARY;
    private static final String OTHER_SK = HostileServer.OTHER_SK;
    private static final String OTHER_BEARER = HostileServer.OTHER_BEARER;

    @ParameterizedTest(name = "ollama={0}")
    @ValueSource(booleans = {false, true})
    void theKeyReachesNoResultWhereverTheServerQuotesIt(boolean ollama) throws Exception {
        try (var server = new FakeModelServer(HostileServer.quotingTheKey(ollama));
             var client = client(server, ollama)) {
            assertThat(HostileServer.CUT_AT).isEqualTo(Redactor.MAX_MESSAGE_CHARS);
            for (var e : HostileServer.TRIGGERS.entrySet()) {
                if (e.getValue().equals("ok") || e.getKey().startsWith("UNRELATED")) {
                    continue;
                }
                CallResult result = client.chat(request(e.getKey()));
                assertThat(result.errorKind()).as(e.getKey()).isNotNull();
                assertThat(result.errorKind().wireName()).as(e.getKey()).isEqualTo(e.getValue());
                assertNoKey(result, e.getKey());
                if (!e.getKey().equals("JUNK")) { // a parse error quotes a token or two, not the whole line
                    assertThat(result.errorMessage()).as(e.getKey()).contains(Redactor.MASK);
                }
            }
            CallResult echoedInAnswer = client.chat(request("CONTENT"));
            assertThat(echoedInAnswer.ok()).isTrue();
            assertThat(echoedInAnswer.content()).isEqualTo("your key is *** ok");
            assertNoKey(echoedInAnswer, "CONTENT");
            CallResult headerOnSuccess = client.chat(request("HEADER_OK"));
            assertThat(headerOnSuccess.content()).isEqualTo("fine");
            assertNoKey(headerOnSuccess, "HEADER_OK");

            Map<String, Map<String, Object>> details = client.modelDetails();
            assertThat(details.toString()).doesNotContain(CANARY).contains(Redactor.MASK);
            assertThat(server.requests()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + CANARY));
        }
    }

    @ParameterizedTest(name = "ollama={0}")
    @ValueSource(booleans = {false, true})
    void unrelatedBearerAndSkTokensInServerTextAreMaskedToo(boolean ollama) throws Exception {
        try (var server = new FakeModelServer(HostileServer.quotingTheKey(ollama));
             var client = client(server, ollama)) {
            for (String trigger : List.of("UNRELATED", "UNRELATED_INSTREAM")) {
                CallResult result = client.chat(request(trigger));
                assertThat(result.errorMessage()).as(trigger).doesNotContain(OTHER_SK).doesNotContain(OTHER_BEARER)
                        .contains("Bearer ***");
                assertThat(result.toString()).doesNotContain(OTHER_SK).doesNotContain(OTHER_BEARER);
            }
        }
    }

    @ParameterizedTest(name = "ollama={0}")
    @ValueSource(booleans = {false, true})
    void aFailedModelListingQuotingTheKeyThrowsWithoutIt(boolean ollama) throws Exception {
        try (var server = new FakeModelServer((request, exchange) -> FakeModelServer.send(exchange, 401,
                "application/json", "{\"error\":\"bad credentials " + request.authorization() + "\"}"));
             var client = client(server, ollama)) {
            try {
                client.listModels();
                throw new AssertionError("a 401 listing must fail");
            } catch (CallFailure f) {
                assertThat(f.getMessage()).doesNotContain(CANARY).contains("bad credentials Bearer ***");
                assertThat(f.kind()).isEqualTo(ErrorKind.HTTP_4XX);
            }
        }
    }

    /** No fragment of the key (10 characters or more) anywhere in the result, not even half a key left by a cut. */
    static void assertNoKey(CallResult result, String what) {
        String all = result.toString();
        for (int i = 0; i + 10 <= CANARY.length(); i++) {
            assertThat(all).as(what + ": " + all).doesNotContain(CANARY.substring(i, i + 10));
        }
    }

    private static HttpChatClient client(FakeModelServer server, boolean ollama) {
        ClientSettings settings = ClientSettings.of(ollama ? server.baseUrl() : server.openAiUrl(), Duration.ofSeconds(10), 0)
                .withApiKey(CANARY).withBackoffMs(1);
        return ollama ? new OllamaClient(settings) : new OpenAiClient(settings);
    }

    private static ChatRequest request(String prompt) {
        return new ChatRequest("fake-model", List.of(new ChatMessage("user", prompt)), new GenerationOptions(0.0, 2048, 64, 1L), null);
    }
}
