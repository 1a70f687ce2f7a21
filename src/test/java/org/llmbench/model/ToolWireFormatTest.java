package org.llmbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.llmbench.json.Json;
import org.llmbench.testing.FakeModelServer;
import org.llmbench.testing.FakeToolServer;
import org.llmbench.testing.FakeToolServer.Answer;
import org.llmbench.testing.FakeToolServer.Call;
import org.llmbench.testing.FakeToolServer.Format;

/** Tool calls through each wire format, from a local server that sends them as the real ones do, hostile ones included. */
class ToolWireFormatTest {

    private static final JsonNode CITY = Json.MAPPER.createObjectNode().put("type", "object")
            .set("properties", Json.MAPPER.createObjectNode().set("city", Json.MAPPER.createObjectNode().put("type", "string")));
    private static final ToolUse TOOLS = new ToolUse(List.of(new ToolUse.Function("get_weather", "weather", CITY)), "auto", List.of());
    private static final List<Call> TWO = List.of(new Call("get_weather", "{\"city\": \"Lisbon\"}"),
            new Call("get_weather", "{\"city\": \"Oslo\", \"unit\": \"celsius\"}"));

    private static ChatRequest request(List<ChatMessage> messages) {
        return new ChatRequest("fake-model", messages, new GenerationOptions(0, 2048, 64, 42L), null, null, TOOLS);
    }

    private static ChatRequest ask() {
        return request(List.of(ChatMessage.user("weather in Lisbon and Oslo?")));
    }

    private static ModelClient client(Format format, FakeModelServer server) {
        return format == Format.OLLAMA ? new OllamaClient(ClientSettings.of(server.baseUrl(), Duration.ofSeconds(10), 0))
                : new OpenAiClient(ClientSettings.of(server.openAiUrl(), Duration.ofSeconds(10), 0));
    }

    private static CallResult once(Format format, Answer answer) throws Exception {
        try (var server = new FakeModelServer(FakeToolServer.behaviour(format, r -> answer)); var client = client(format, server)) {
            return client.chat(ask());
        }
    }

    @Test
    void openAiStreamedCallsArriveInPiecesByIndexAndAreAssembledWithTtft() throws Exception {
        try (var server = new FakeModelServer(FakeToolServer.behaviour(Format.OPENAI_STREAM, r -> Answer.calls(TWO)));
             var client = client(Format.OPENAI_STREAM, server)) {
            CallResult r = client.chat(ask());
            assertThat(r.ok()).as(String.valueOf(r.errorMessage())).isTrue();
            assertThat(r.streamed()).isTrue();
            assertThat(r.ttftMs()).isNotNull();
            assertThat(r.finishReason()).isEqualTo("tool_calls");
            assertThat(r.toolCalls().calls()).extracting(ToolCall::name, ToolCall::arguments).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("get_weather", "{\"city\": \"Lisbon\"}"),
                    org.assertj.core.groups.Tuple.tuple("get_weather", "{\"city\": \"Oslo\", \"unit\": \"celsius\"}"));
            assertThat(r.toolCalls().calls().get(0).id()).isEqualTo("call_abc0");
            assertThat(r.completionTokens()).isEqualTo(20);
            assertThat(r.toolCalls().problem()).isNull();
            JsonNode body = server.chatRequests().get(0).body();
            assertThat(body.path("tools").get(0).path("type").asText()).isEqualTo("function");
            assertThat(body.path("tools").get(0).path("function").path("name").asText()).isEqualTo("get_weather");
            assertThat(body.path("tools").get(0).path("function").path("parameters")).isEqualTo(CITY);
            assertThat(body.path("tool_choice").asText()).isEqualTo("auto");
            assertThat(body.path("stream").asBoolean()).isTrue();
        }
    }

    @Test
    void openAiWholeCallsAndTheResultTurnAsTheApiWantsIt() throws Exception {
        try (var server = new FakeModelServer(FakeToolServer.behaviour(Format.OPENAI_WHOLE, r -> Answer.calls(TWO)));
             var client = client(Format.OPENAI_WHOLE, server)) {
            CallResult r = client.chat(ask());
            assertThat(r.ok()).isTrue();
            assertThat(r.streamed()).isFalse();
            assertThat(r.toolCalls().calls()).hasSize(2);
            assertThat(r.toolCalls().calls().get(1).arguments()).isEqualTo("{\"city\": \"Oslo\", \"unit\": \"celsius\"}");
            List<ChatMessage> turn = new ArrayList<>(ask().messages());
            turn.add(ChatMessage.assistantCalls(r.content(), r.toolCalls().calls()));
            turn.add(ChatMessage.toolResult(r.toolCalls().calls().get(0), "{\"temp\": 21}"));
            turn.add(ChatMessage.toolResult(r.toolCalls().calls().get(1), "{\"temp\": 9}"));
            client.chat(request(turn));
            JsonNode sent = server.chatRequests().get(1).body().path("messages");
            assertThat(sent.get(1).path("tool_calls").get(0).path("function").path("arguments").asText()).isEqualTo("{\"city\": \"Lisbon\"}");
            assertThat(sent.get(1).path("tool_calls").get(1).path("id").asText()).isEqualTo("call_1");
            assertThat(sent.get(2).path("role").asText()).isEqualTo("tool");
            assertThat(sent.get(2).path("tool_call_id").asText()).isEqualTo("call_0");
            assertThat(sent.get(3).path("tool_call_id").asText()).isEqualTo("call_1");
        }
    }

    @Test
    void ollamaCallsArriveWholeWithObjectArgumentsAndGoBackAsObjects() throws Exception {
        try (var server = new FakeModelServer(FakeToolServer.behaviour(Format.OLLAMA, r -> Answer.calls(TWO)));
             var client = client(Format.OLLAMA, server)) {
            CallResult r = client.chat(ask());
            assertThat(r.ok()).as(String.valueOf(r.errorMessage())).isTrue();
            assertThat(r.toolCalls().calls()).extracting(ToolCall::arguments)
                    .containsExactly("{\"city\":\"Lisbon\"}", "{\"city\":\"Oslo\",\"unit\":\"celsius\"}");
            assertThat(r.toolCalls().calls().get(0).id()).isNull();
            assertThat(server.chatRequests().get(0).body().path("tools").get(0).path("function").path("name").asText()).isEqualTo("get_weather");
            List<ChatMessage> turn = new ArrayList<>(ask().messages());
            turn.add(ChatMessage.assistantCalls("", r.toolCalls().calls()));
            turn.add(ChatMessage.toolResult(r.toolCalls().calls().get(0), "{\"temp\": 21}"));
            client.chat(request(turn));
            JsonNode sent = server.chatRequests().get(1).body().path("messages");
            assertThat(sent.get(1).path("tool_calls").get(0).path("function").path("arguments").path("city").asText()).isEqualTo("Lisbon");
            assertThat(sent.get(2).path("tool_name").asText()).isEqualTo("get_weather");
        }
    }

    @Test
    void badAndJunkCallsPassThroughAsSentForTheScorerToJudge() throws Exception {
        for (Format format : List.of(Format.OPENAI_STREAM, Format.OPENAI_WHOLE, Format.OLLAMA)) {
            CallResult r = once(format, Answer.calls(List.of(new Call("no_such_function", "{not json at all"),
                    new Call("get_weather", "[1, 2]"))));
            assertThat(r.ok()).as(format + ": " + r.errorMessage()).isTrue();
            assertThat(r.toolCalls().calls()).as(format.name()).extracting(ToolCall::name).containsExactly("no_such_function", "get_weather");
            assertThat(r.toolCalls().calls().get(0).arguments()).as(format.name()).isEqualTo("{not json at all");
            CallResult text = once(format, Answer.text("I would rather not call anything."));
            assertThat(text.ok()).isTrue();
            assertThat(text.toolCalls()).as(format.name()).isNull();
            assertThat(text.content()).isEqualTo("I would rather not call anything.");
        }
    }

    @Test
    void aThousandCallsKeepSixtyFourAndCountTheRest() throws Exception {
        List<Call> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(new Call("get_weather", "{\"city\":\"c" + i + "\"}"));
        }
        for (Format format : List.of(Format.OPENAI_STREAM, Format.OPENAI_WHOLE, Format.OLLAMA)) {
            CallResult r = once(format, Answer.calls(many));
            assertThat(r.ok()).as(format + ": " + r.errorMessage()).isTrue();
            assertThat(r.toolCalls().calls()).as(format.name()).hasSize(ToolCallAssembler.MAX_CALLS);
            assertThat(r.toolCalls().dropped()).as(format.name()).isEqualTo(1000 - ToolCallAssembler.MAX_CALLS);
            assertThat(r.toolCalls().problem()).contains("more call(s) than the 64 kept");
        }
    }

    @Test
    void megabytesOfArgumentsAreCutAndSaidSo() throws Exception {
        String huge = "{\"city\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        for (Format format : List.of(Format.OPENAI_WHOLE, Format.OLLAMA)) {
            CallResult r = once(format, Answer.calls(List.of(new Call("get_weather", huge))));
            assertThat(r.ok()).as(format + ": " + r.errorMessage()).isTrue();
            assertThat(r.toolCalls().calls().get(0).arguments()).hasSize(ToolCallAssembler.MAX_ARGUMENT_CHARS);
            assertThat(r.toolCalls().problem()).contains("exceed 65536 characters and were cut");
        }
        // Past the body cap (8 MiB here) the whole answer is refused: a recorded failure, not an exception.
        CallResult tooBig = once(Format.OPENAI_WHOLE, Answer.calls(List.of(new Call("get_weather", huge + " ".repeat(6 * 1024 * 1024)))));
        assertThat(tooBig.ok()).isFalse();
    }

    @Test
    void wrongTypedFieldsAndDeepNestingAreRecordedFailuresNeverExceptions() throws Exception {
        String wrongType = "{\"choices\":[{\"index\":0,\"finish_reason\":\"tool_calls\",\"message\":{\"role\":\"assistant\",\"content\":null,"
                + "\"tool_calls\":\"get_weather(city=Lisbon)\"}}]}";
        CallResult r = once(Format.OPENAI_WHOLE, Answer.raw(wrongType));
        assertThat(r.ok()).isTrue();
        assertThat(r.toolCalls().calls()).isEmpty();
        assertThat(r.toolCalls().problem()).isEqualTo("tool_calls is string, not an array");
        String wrongFunction = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
                + "\"tool_calls\":[{\"id\":\"x\",\"function\":[\"get_weather\"]}, 7]}}]}";
        CallResult shapes = once(Format.OPENAI_WHOLE, Answer.raw(wrongFunction));
        assertThat(shapes.ok()).isTrue();
        assertThat(shapes.toolCalls().calls()).hasSize(2).allSatisfy(c -> assertThat(c.name()).isNull());
        assertThat(shapes.toolCalls().problem()).contains("function is not an object", "not an object");
        String ollamaWrong = "{\"model\":\"fake:1b\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":{\"function\":{}}},\"done\":false}";
        assertThat(once(Format.OLLAMA, Answer.raw(ollamaWrong)).toolCalls().problem()).isEqualTo("tool_calls is object, not an array");
        // JSON nested 5000 deep: Jackson's nesting limit refuses the line, the call fails as a protocol error.
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String ollamaDeep = "{\"model\":\"fake:1b\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":"
                + "{\"name\":\"get_weather\",\"arguments\":{\"city\":" + deep + "}}}]},\"done\":false}";
        CallResult deepOllama = once(Format.OLLAMA, Answer.raw(ollamaDeep));
        assertThat(deepOllama.ok()).isFalse();
        assertThat(deepOllama.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
        // As an OpenAI arguments string it is only text: kept (cut) for the scorer, which refuses to parse it.
        CallResult deepString = once(Format.OPENAI_STREAM, Answer.calls(List.of(new Call("get_weather", "{\"city\":" + deep + "}"))));
        assertThat(deepString.ok()).isTrue();
        assertThat(deepString.toolCalls().calls().get(0).arguments()).startsWith("{\"city\":[[[[");
    }

    @Test
    void aStreamOfToolCallPiecesWithHostileIndexesStaysBounded() throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            var chunk = JsonNodeFactory.instance.objectNode();
            var call = chunk.putArray("choices").addObject().put("index", 0).putObject("delta").putArray("tool_calls").addObject();
            call.put("index", (long) i * 1_000_003L).putObject("function").put("name", "f" + i).put("arguments", "{}");
            events.add("data: " + chunk + "\n\n");
        }
        events.add("data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":-5,\"function\":{\"arguments\":7}}]},\"finish_reason\":\"tool_calls\"}]}\n\n");
        events.add("data: [DONE]\n\n");
        try (var server = new FakeModelServer((request, exchange) -> FakeModelServer.stream(exchange, "text/event-stream", events, 0));
             var client = client(Format.OPENAI_STREAM, server)) {
            CallResult r = client.chat(ask());
            assertThat(r.ok()).as(String.valueOf(r.errorMessage())).isTrue();
            assertThat(r.toolCalls().calls()).hasSize(ToolCallAssembler.MAX_CALLS);
            // The piece at index -5 has no index of its own: it goes to the call at its place in the array (index 0).
            assertThat(r.toolCalls().dropped()).isEqualTo(3000 - ToolCallAssembler.MAX_CALLS);
            assertThat(r.toolCalls().calls().get(0).arguments()).isEqualTo("{}7");
        }
    }

    @Test
    void aLlamaCppBuildThatCannotStreamToolsIsAskedAgainWholeAndFromThenOn() throws Exception {
        try (var server = new FakeModelServer(FakeToolServer.behaviour(Format.LLAMA_NO_TOOL_STREAM, r -> Answer.calls(TWO)));
             var client = client(Format.LLAMA_NO_TOOL_STREAM, server)) {
            CallResult first = client.chat(ask());
            assertThat(first.ok()).as(String.valueOf(first.errorMessage())).isTrue();
            assertThat(first.toolCalls().calls()).hasSize(2);
            assertThat(first.streamed()).isFalse();
            assertThat(first.attempts()).as("the refused streamed attempt is on the record").isEqualTo(2);
            CallResult second = client.chat(ask());
            assertThat(second.ok()).isTrue();
            assertThat(server.chatRequests()).extracting(q -> q.body().path("stream").asBoolean()).containsExactly(true, false, false);
        }
    }

    @Test
    void withoutJinjaLlamaCppRefusesToolsAndTheCallSaysWhy() throws Exception {
        AtomicReference<CallResult> result = new AtomicReference<>();
        try (var server = new FakeModelServer(FakeToolServer.behaviour(Format.LLAMA_NO_JINJA, r -> Answer.calls(TWO)));
             var client = client(Format.LLAMA_NO_JINJA, server)) {
            result.set(client.chat(ask()));
        }
        assertThat(result.get().ok()).isFalse();
        assertThat(result.get().httpStatus()).isEqualTo(500);
        assertThat(result.get().errorMessage()).contains("tools param requires --jinja flag");
    }
}
