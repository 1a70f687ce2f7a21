package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.UniqueId;
import org.llmbench.json.Json;
import org.llmbench.model.ModelClients;
import org.llmbench.tasks.ToolCategory;
import org.llmbench.tasks.ToolPrompts;
import org.llmbench.tasks.ToolTask;
import org.llmbench.tasks.ToolTasks;
import org.llmbench.testing.BenchLauncher;
import org.llmbench.testing.FakeModelServer;
import org.llmbench.testing.FakeToolServer;
import org.llmbench.testing.FakeToolServer.Answer;
import org.llmbench.testing.FakeToolServer.Call;
import org.llmbench.testing.FakeToolServer.Format;

/**
 * The tools phase end to end against a local server of each wire format (OpenAI-compatible streamed and whole,
 * Ollama) answering good, bad, junk and hostile calls: good scores 100, bad partial, junk and hostile 0, and the run
 * ends normally with every call in the ledger.
 */
class ToolServerRunTest {

    private static final List<ToolTask> TASKS = new ToolTasks().generate(42, 0);

    @TempDir
    Path out;

    enum Model { GOOD, BAD, JUNK, HOSTILE }

    private static ToolTask taskOf(FakeModelServer.Request request) {
        JsonNode messages = request.body().path("messages");
        String asked = messages.get(0).path("content").asText();
        return TASKS.stream().filter(t -> t.request().equals(asked)).findFirst().orElseThrow();
    }

    private static Function<FakeModelServer.Request, Answer> model(Model model, Format format) {
        return request -> {
            ToolTask task = taskOf(request);
            JsonNode messages = request.body().path("messages");
            boolean resultTurn = messages.get(messages.size() - 1).path("role").asText().equals("tool");
            return switch (model) {
                case GOOD -> resultTurn || task.expected().isEmpty() ? Answer.text(task.referenceText())
                        : Answer.calls(ToolPrompts.referenceCalls(task).stream().map(c -> new Call(c.name(), c.arguments())).toList());
                case BAD -> resultTurn ? Answer.text("It is done.") : Answer.calls(task.expected().isEmpty()
                        ? List.of(new Call(task.functions().get(0).name(), "{}"))
                        : task.expected().stream().map(e -> new Call(e.function(), "{\"unexpected\": true}")).toList());
                case JUNK -> Answer.calls(List.of(new Call("zz_not_offered", "qwerty uiop")));
                case HOSTILE -> hostile(task, format);
            };
        };
    }

    /** A different attack per task: a thousand calls, arguments not JSON, nested deep, megabytes, a wrong-typed field. */
    private static Answer hostile(ToolTask task, Format format) {
        int n = TASKS.indexOf(task) % 5;
        String name = task.functions().get(0).name();
        return switch (n) {
            case 0 -> {
                List<Call> many = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    many.add(new Call("spam_" + i, "{}"));
                }
                yield Answer.calls(many);
            }
            case 1 -> Answer.calls(List.of(new Call("x_" + name, "this is {not json")));
            case 2 -> Answer.calls(List.of(new Call("y_" + name, "{\"a\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}")));
            case 3 -> Answer.calls(List.of(new Call("z_" + name, "{\"a\": \"" + "A".repeat(1024 * 1024) + "\"}")));
            default -> format == Format.OLLAMA
                    ? Answer.raw("{\"model\":\"fake:1b\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":"
                    + "{\"function\":{\"name\":\"" + name + "\"}}},\"done\":false}")
                    : Answer.raw("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":"
                    + "{\"name\":\"" + name + "\"}}}]}");
        };
    }

    /** The chat requests the last run's server received. */
    private List<FakeModelServer.Request> received = List.of();

    private List<JsonNode> run(Format format, Model model) throws Exception {
        try (var server = new FakeModelServer(FakeToolServer.behaviour(format, model(model, format)))) {
            String provider = format == Format.OLLAMA ? "ollama" : "openai";
            String url = format == Format.OLLAMA ? server.baseUrl() : server.openAiUrl();
            Path folder = out.resolve(format + "-" + model);
            EngineKits.with(ModelClients::create, "bench.model", "fake-model", "bench.provider", provider, "bench.url", url,
                            "bench.phases", "tools", "bench.out", folder.toString(), "bench.retries", "0")
                    .selectors(selectUniqueId(UniqueId.forEngine("llm-bench").append("model", "fake-model").append("suite", "tools")))
                    .execute();
            received = server.chatRequests();
            List<JsonNode> events = new ArrayList<>();
            for (String line : Files.readAllLines(BenchLauncher.latestRun(folder).resolve("run.jsonl"))) {
                events.add(Json.MAPPER.readTree(line));
            }
            return events;
        }
    }

    private static List<Double> scores(List<JsonNode> events) {
        return events.stream().filter(e -> e.path("event").asText().equals("score")).map(e -> e.path("score").asDouble()).toList();
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"OPENAI_STREAM", "OPENAI_WHOLE", "OLLAMA", "LLAMA_NO_TOOL_STREAM"})
    void goodCallsScore100WithTheirSpeedRecorded(Format format) throws Exception {
        List<JsonNode> events = run(format, Model.GOOD);
        assertThat(scores(events)).hasSize(12).containsOnly(100.0);
        List<JsonNode> calls = events.stream().filter(e -> e.path("event").asText().equals("call")).toList();
        assertThat(calls).hasSize(14).allSatisfy(c -> {
            assertThat(c.path("error_kind").isNull()).as(c.toString()).isTrue();
            assertThat(c.path("completion_tokens").asInt()).isEqualTo(20);
        });
        if (format == Format.OPENAI_STREAM || format == Format.OLLAMA) {
            assertThat(calls).allSatisfy(c -> assertThat(c.path("ttft_ms").isIntegralNumber()).as(c.toString()).isTrue());
        }
        if (format == Format.LLAMA_NO_TOOL_STREAM) {
            // The first tools call was refused streamed and asked again whole; every later one asked whole at once.
            assertThat(calls.get(0).path("attempts").asInt()).isEqualTo(2);
            assertThat(calls).allSatisfy(c -> assertThat(c.path("streamed").asBoolean()).isFalse());
            assertThat(calls).filteredOn(c -> c.has("tool_calls")).allSatisfy(c ->
                    assertThat(c.path("tool_calls").get(0).path("id").asText()).isEmpty());
        }
        // Every result sent back names a call of the assistant turn before it, by a non-blank id.
        List<FakeModelServer.Request> followUps = received.stream()
                .filter(r -> r.body().path("messages").toString().contains("\"role\":\"tool\"")).toList();
        assertThat(followUps).hasSize(2).allSatisfy(r -> {
            JsonNode messages = r.body().path("messages");
            JsonNode assistant = messages.get(1);
            if (format != Format.OLLAMA) {
                assertThat(messages.get(2).path("tool_call_id").asText()).isNotBlank()
                        .isEqualTo(assistant.path("tool_calls").get(0).path("id").asText());
            } else {
                assertThat(messages.get(2).path("tool_name").asText()).isEqualTo(assistant.path("tool_calls").get(0).path("function").path("name").asText());
            }
        });
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"OPENAI_STREAM", "OPENAI_WHOLE", "OLLAMA"})
    void badCallsEarnPartialCreditJunkNothing(Format format) throws Exception {
        List<Double> bad = scores(run(format, Model.BAD));
        assertThat(bad).hasSize(12).allSatisfy(s -> assertThat(s).isLessThan(50.0));
        assertThat(bad.stream().mapToDouble(Double::doubleValue).sum()).isPositive();
        assertThat(scores(run(format, Model.JUNK))).hasSize(12).containsOnly(0.0);
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"OPENAI_STREAM", "OPENAI_WHOLE", "OLLAMA"})
    void hostileCallsAreRecordedFailuresAndTheRunEnds(Format format) throws Exception {
        List<JsonNode> events = run(format, Model.HOSTILE);
        List<Double> scores = scores(events);
        assertThat(scores).hasSize(12);
        // Calling nothing is right for the two irrelevant tasks only when nothing (not even junk) was called.
        for (int i = 0; i < TASKS.size(); i++) {
            assertThat(scores.get(i)).as(TASKS.get(i).id()).isZero();
        }
        assertThat(events).anyMatch(e -> e.path("event").asText().equals("run_end"));
        String ledger = events.toString();
        assertThat(ledger).contains("more call(s) than the 64 kept");
        assertThat(events.stream().filter(e -> e.path("event").asText().equals("call")))
                .allSatisfy(c -> assertThat(c.toString().length()).isLessThan(64 * 64 * 1024 + 100_000));
        assertThat(TASKS).extracting(ToolTask::category).contains(ToolCategory.IRRELEVANCE);
    }
}
