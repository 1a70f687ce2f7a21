package org.llmbench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Tool-call answers as real servers send them, for {@link FakeModelServer}:
 * <ul>
 *   <li>OpenAI-compatible streamed (OpenAI's documented chunks; llama.cpp's server with {@code --jinja} sends the same):
 *       the first chunk of a call has its {@code index}, {@code id}, {@code type} and name with empty arguments,
 *       later chunks only {@code index} and a piece of {@code function.arguments}; calls are interleaved; the last
 *       chunk has {@code finish_reason: "tool_calls"}, usage and llama.cpp's timings; then {@code [DONE]};</li>
 *   <li>OpenAI-compatible whole: {@code message.content} null and {@code message.tool_calls} with arguments as a JSON string;</li>
 *   <li>Ollama {@code /api/chat}: each call whole in one line, {@code arguments} an object, then the {@code done} line;</li>
 *   <li>llama.cpp's refusals, verbatim from a real build: without {@code --jinja}, HTTP 500 {@code tools param requires
 *       --jinja flag}; a build that cannot stream tool calls, HTTP 500 {@code Cannot use tools with stream}, and whole
 *       answers whose calls all have the id {@code ""} (its Generic tool format).</li>
 * </ul>
 */
public final class FakeToolServer {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One call to send: a function name and its arguments' text (which need not be JSON: hostile answers). */
    public record Call(String name, String arguments) {
    }

    /** What the fake answers a chat request: calls and text, or a whole raw answer (hostile shapes). */
    public record Answer(List<Call> calls, String text, String raw) {
        public static Answer calls(List<Call> calls) {
            return new Answer(calls, null, null);
        }

        public static Answer text(String text) {
            return new Answer(List.of(), text, null);
        }

        /** A body (whole answer) or a line/event payload sent as is. */
        public static Answer raw(String raw) {
            return new Answer(List.of(), null, raw);
        }
    }

    /** How the fake speaks. */
    public enum Format { OPENAI_STREAM, OPENAI_WHOLE, OLLAMA, LLAMA_NO_JINJA, LLAMA_NO_TOOL_STREAM }

    private FakeToolServer() {
    }

    /** A server of this format answering each chat request as {@code answers} says. */
    public static FakeModelServer.Behaviour behaviour(Format format, Function<FakeModelServer.Request, Answer> answers) {
        return (request, exchange) -> {
            if (request.path().endsWith("/models")) {
                FakeModelServer.send(exchange, 200, "application/json", "{\"object\":\"list\",\"data\":[{\"id\":\"fake-model\",\"object\":\"model\"}]}");
                return;
            }
            if (request.path().equals("/api/tags")) {
                FakeModelServer.send(exchange, 200, "application/json", "{\"models\":[{\"name\":\"fake:1b\",\"model\":\"fake:1b\"}]}");
                return;
            }
            boolean tools = request.body() != null && request.body().has("tools");
            boolean stream = request.body() != null && request.body().path("stream").asBoolean(false);
            if (format == Format.LLAMA_NO_JINJA && tools) {
                FakeModelServer.send(exchange, 500, "application/json; charset=utf-8",
                        stream ? "{\"error\":{\"code\":500,\"message\":\"Cannot use tools with stream\",\"type\":\"server_error\"}}"
                                : "{\"error\":{\"code\":500,\"message\":\"tools param requires --jinja flag\",\"type\":\"server_error\"}}");
                return;
            }
            if (format == Format.LLAMA_NO_TOOL_STREAM && tools && stream) {
                FakeModelServer.send(exchange, 500, "application/json; charset=utf-8",
                        "{\"error\":{\"code\":500,\"message\":\"Cannot use tools with stream\",\"type\":\"server_error\"}}");
                return;
            }
            Answer answer = answers.apply(request);
            switch (format) {
                case OPENAI_STREAM -> FakeModelServer.stream(exchange, "text/event-stream", openAiEvents(answer), 0);
                case OPENAI_WHOLE, LLAMA_NO_TOOL_STREAM, LLAMA_NO_JINJA -> {
                    if (stream && !tools) {
                        FakeModelServer.stream(exchange, "text/event-stream", openAiEvents(answer), 0);
                    } else {
                        String body = answer.raw() != null ? answer.raw() : openAiWhole(answer);
                        // This machine's llama.cpp build (Generic tool format) names every call with the id "".
                        FakeModelServer.send(exchange, 200, "application/json",
                                format == Format.LLAMA_NO_TOOL_STREAM ? body.replaceAll("\"id\":\"call_\\d+\"", "\"id\":\"\"") : body);
                    }
                }
                case OLLAMA -> FakeModelServer.stream(exchange, "application/x-ndjson", ollamaLines(answer), 0);
            }
        };
    }

    /** The streamed chunks; arguments in pieces of 5 characters, the calls' pieces interleaved by index. */
    public static List<String> openAiEvents(Answer answer) {
        List<String> events = new ArrayList<>();
        if (answer.raw() != null) {
            events.add("data: " + answer.raw() + "\n\n");
        } else {
            if (answer.text() != null) {
                for (String piece : FakeModelServer.pieces(answer.text())) {
                    ObjectNode chunk = chunk();
                    chunk.putArray("choices").addObject().put("index", 0).putNull("finish_reason").putObject("delta").put("content", piece);
                    events.add("data: " + chunk + "\n\n");
                }
            }
            List<List<String>> pieces = new ArrayList<>();
            for (int i = 0; i < answer.calls().size(); i++) {
                Call call = answer.calls().get(i);
                ObjectNode chunk = chunk();
                ObjectNode delta = chunk.putArray("choices").addObject().put("index", 0).putNull("finish_reason").putObject("delta");
                if (i == 0) {
                    delta.put("role", "assistant").putNull("content");
                }
                ObjectNode first = delta.putArray("tool_calls").addObject().put("index", i).put("id", "call_" + Integer.toHexString(0xabc0 + i))
                        .put("type", "function");
                first.putObject("function").put("name", call.name()).put("arguments", "");
                events.add("data: " + chunk + "\n\n");
                List<String> argPieces = new ArrayList<>();
                for (int at = 0; at < call.arguments().length(); at += 5) {
                    argPieces.add(call.arguments().substring(at, Math.min(call.arguments().length(), at + 5)));
                }
                pieces.add(argPieces);
            }
            boolean more = true;
            for (int round = 0; more; round++) {
                more = false;
                for (int i = 0; i < pieces.size(); i++) {
                    if (round < pieces.get(i).size()) {
                        more = true;
                        ObjectNode chunk = chunk();
                        ObjectNode delta = chunk.putArray("choices").addObject().put("index", 0).putNull("finish_reason").putObject("delta");
                        delta.putArray("tool_calls").addObject().put("index", i).putObject("function").put("arguments", pieces.get(i).get(round));
                        events.add("data: " + chunk + "\n\n");
                    }
                }
            }
        }
        ObjectNode last = chunk();
        last.putArray("choices").addObject().put("index", 0).put("finish_reason", answer.calls().isEmpty() ? "stop" : "tool_calls").putObject("delta");
        last.putObject("usage").put("prompt_tokens", 40).put("completion_tokens", 20).put("total_tokens", 60);
        last.putObject("timings").put("prompt_n", 40).put("prompt_ms", 4.0).put("predicted_n", 20).put("predicted_ms", 10.0)
                .put("predicted_per_second", 2000.0);
        events.add("data: " + last + "\n\n");
        events.add("data: [DONE]\n\n");
        return events;
    }

    /** A whole chat completion: content null when calls are made, arguments as JSON strings. */
    public static String openAiWhole(Answer answer) {
        ObjectNode root = MAPPER.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion").put("model", "fake-model");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0)
                .put("finish_reason", answer.calls().isEmpty() ? "stop" : "tool_calls");
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (answer.text() != null) {
            message.put("content", answer.text());
        } else {
            message.putNull("content");
        }
        if (!answer.calls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (int i = 0; i < answer.calls().size(); i++) {
                ObjectNode c = calls.addObject().put("id", "call_" + i).put("type", "function");
                c.putObject("function").put("name", answer.calls().get(i).name()).put("arguments", answer.calls().get(i).arguments());
            }
        }
        root.putObject("usage").put("prompt_tokens", 40).put("completion_tokens", 20).put("total_tokens", 60);
        return root.toString();
    }

    /** Ollama's lines: the calls whole in one line (arguments an object when they are JSON, else as sent), then done. */
    public static List<String> ollamaLines(Answer answer) {
        List<String> lines = new ArrayList<>();
        if (answer.raw() != null) {
            lines.add(answer.raw() + "\n");
        } else {
            ObjectNode line = MAPPER.createObjectNode().put("model", "fake:1b").put("created_at", "2025-01-01T00:00:00Z");
            ObjectNode message = line.putObject("message").put("role", "assistant").put("content", answer.text() == null ? "" : answer.text());
            if (!answer.calls().isEmpty()) {
                ArrayNode calls = message.putArray("tool_calls");
                for (Call c : answer.calls()) {
                    ObjectNode function = calls.addObject().putObject("function").put("name", c.name());
                    JsonNode args = parse(c.arguments());
                    if (args != null && args.isObject()) {
                        function.set("arguments", args);
                    } else {
                        function.put("arguments", c.arguments());
                    }
                }
            }
            lines.add(line.put("done", false) + "\n");
        }
        ObjectNode done = MAPPER.createObjectNode().put("model", "fake:1b").put("created_at", "2025-01-01T00:00:01Z");
        done.putObject("message").put("role", "assistant").put("content", "");
        done.put("done", true).put("done_reason", "stop").put("total_duration", 5_000_000L).put("prompt_eval_count", 40)
                .put("prompt_eval_duration", 1_000_000L).put("eval_count", 20).put("eval_duration", 2_000_000L);
        lines.add(done + "\n");
        return lines;
    }

    private static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static ObjectNode chunk() {
        return MAPPER.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk").put("model", "fake-model");
    }
}
