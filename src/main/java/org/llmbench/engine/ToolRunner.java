package org.llmbench.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.llmbench.json.Json;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatMessage;
import org.llmbench.model.ChatRequest;
import org.llmbench.model.ToolCall;
import org.llmbench.model.ToolCalls;
import org.llmbench.model.ToolUse;
import org.llmbench.record.TaskParse;
import org.llmbench.record.TestRef;
import org.llmbench.scoring.Check;
import org.llmbench.scoring.Score;
import org.llmbench.tasks.ToolAnswer;
import org.llmbench.tasks.ToolCategory;
import org.llmbench.tasks.ToolPrompts;
import org.llmbench.tasks.ToolScorer;
import org.llmbench.tasks.ToolTask;

/**
 * Runs one tool task: offer the functions (through the server's tool API, or in the prompt in prompted mode), score
 * the calls; for a {@link ToolCategory#RESULT} task whose call was made, send the function's result back and score
 * the final answer too. Every call is recorded (its function calls with it); the score's {@code parsed} holds the
 * mode and the calls the scorer saw. One sample: {@code bench.samples} and parse retries do not apply here.
 */
final class ToolRunner {

    private final BenchExecutionContext context;

    ToolRunner(BenchExecutionContext context) {
        this.context = context;
    }

    void run(TestRef ref, ToolTask task) {
        var config = context.config();
        boolean prompted = config.promptedTools();
        QuestionRunner plain = new QuestionRunner(context);
        String prompt = prompted ? ToolPrompts.promptedPrompt(task) : ToolPrompts.nativePrompt(task);
        QuestionReport report = new QuestionReport(context.allure().forTest(ref.testId()), ref, config, context.client().provider());
        report.describe(ToolTask.KIND, prompt);
        List<ChatMessage> messages = new ArrayList<>(plain.messages(prompt));
        ChatRequest first = new ChatRequest(ref.model(), messages, plain.options(),
                prompted ? ToolPrompts.referencePrompted(task) : task.referenceText(), ref,
                prompted ? null : offer(task, true));
        CallResult call = call(ref, report, first);
        List<Check> checks = new ArrayList<>();
        ObjectNode parsed = Json.MAPPER.createObjectNode().put("mode", prompted ? "prompted" : "native")
                .put("category", task.category().wireName());
        if (call.ok()) {
            ToolAnswer answer = prompted ? ToolPrompts.readPrompted(call.content()) : answer(call);
            describe(parsed.putArray("calls"), answer);
            if (answer.problem() != null) {
                parsed.put("problem", answer.problem());
            }
            checks.addAll(report.score(() -> ToolScorer.calls(task, answer), c -> Score.of(c, config.passScore())));
            if (task.category() == ToolCategory.RESULT) {
                String finalText = null;
                var sent = ToolScorer.callToAnswer(task, answer);
                if (sent.isPresent()) {
                    CallResult second = call(ref, report, followUp(ref, task, messages, call, answer, sent.get(), prompted, plain));
                    finalText = second.ok() ? second.content() : null;
                    parsed.put("final", finalText);
                    if (!second.ok()) {
                        checks.add(Check.failed("final answer uses the result", 3, "model call: "
                                + second.errorKind().wireName() + ": " + second.errorMessage()));
                    }
                }
                if (sent.isEmpty() || finalText != null) {
                    checks.add(ToolScorer.finalAnswer(task, finalText));
                }
            }
        } else {
            checks.add(Check.failed("model call", 1, call.errorKind().wireName() + ": " + call.errorMessage()));
        }
        Score score = Score.of(checks, config.passScore());
        double weight = Weights.ofTool(config);
        report.breakdown(score, weight);
        TaskParse parse = new TaskParse(ToolTask.KIND, false, call.ok(), 0, null,
                call.ok() ? null : call.errorMessage(), parsed);
        report.parsed(parse);
        context.recording().score(ref, score, weight, parse, null, null);
        if (!score.passed()) {
            throw new BelowPassMark(score);
        }
    }

    private CallResult call(TestRef ref, QuestionReport report, ChatRequest request) {
        CallResult call = report.call(() -> context.client().chat(request));
        context.recording().call(ref, request, call, null);
        QuestionRunner.abortIfNotReplayable(call);
        return call;
    }

    /** The functions as the tool API offers them; the reference calls only for the mock's oracle, on the first turn. */
    private static ToolUse offer(ToolTask task, boolean withReference) {
        List<ToolUse.Function> functions = task.functions().stream()
                .map(f -> new ToolUse.Function(f.name(), f.description(), f.parameters())).toList();
        List<ToolCall> reference = new ArrayList<>();
        if (withReference) {
            List<ToolAnswer.Call> calls = ToolPrompts.referenceCalls(task);
            for (int i = 0; i < calls.size(); i++) {
                reference.add(new ToolCall("call_" + i, calls.get(i).name(), calls.get(i).arguments()));
            }
        }
        return new ToolUse(functions, "auto", reference);
    }

    /** A native answer as the scorer reads it. */
    private static ToolAnswer answer(CallResult call) {
        ToolCalls calls = call.toolCalls();
        if (calls == null) {
            return new ToolAnswer(List.of(), 0, null, call.content());
        }
        return new ToolAnswer(calls.calls().stream().map(c -> new ToolAnswer.Call(c.name(), c.arguments())).toList(),
                calls.dropped(), calls.problem(), call.content());
    }

    /**
     * The second turn: the first one's calls and the function's result. Natively every call the model made gets a
     * {@code tool} message (the API wants one per call id): the asked-for one the result, any other an error.
     */
    private static ChatRequest followUp(TestRef ref, ToolTask task, List<ChatMessage> first, CallResult call, ToolAnswer answer,
                                        int answered, boolean prompted, QuestionRunner plain) {
        List<ChatMessage> messages = new ArrayList<>(first);
        if (prompted) {
            messages.add(ChatMessage.assistant(call.content()));
            messages.add(ChatMessage.user(ToolPrompts.promptedResult(answer.calls().get(answered).name(), task.result())));
        } else {
            List<ToolCall> made = new ArrayList<>();
            List<ToolCall> received = call.toolCalls().calls();
            for (int i = 0; i < received.size(); i++) {
                ToolCall c = received.get(i);
                // llama.cpp's Generic format gives every call the id "": each result must name its own call.
                made.add(new ToolCall(c.id() != null && !c.id().isBlank() ? c.id() : "call_" + i, c.name(), c.arguments()));
            }
            messages.add(ChatMessage.assistantCalls(call.content(), made));
            for (int i = 0; i < made.size(); i++) {
                messages.add(ChatMessage.toolResult(made.get(i), i == answered ? task.result()
                        : "{\"error\": \"this call was not needed\"}"));
            }
        }
        return new ChatRequest(ref.model(), messages, plain.options(), task.referenceText(), ref,
                prompted ? null : offer(task, false));
    }

    private static void describe(com.fasterxml.jackson.databind.node.ArrayNode into, ToolAnswer answer) {
        // The call events keep the arguments whole (up to the client's cap); the score says what was read, in short.
        answer.calls().stream().limit(16).forEach(c -> into.addObject().put("name", c.name()).put("arguments",
                c.arguments() == null || c.arguments().length() <= 2000 ? c.arguments() : c.arguments().substring(0, 2000) + "...(cut)"));
    }
}
