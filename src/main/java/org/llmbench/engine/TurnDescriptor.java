package org.llmbench.engine;

import java.util.List;
import org.junit.platform.engine.UniqueId;
import org.llmbench.record.TestRef;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatMessage;
import org.llmbench.model.ChatRequest;
import org.llmbench.scoring.Score;
import org.llmbench.suite.Question;
import org.llmbench.suite.Suite;

/**
 * One turn of the append phase, registered while the conversation runs ({@code [turn:N]}): sends the whole
 * conversation so far plus this turn's question, and scores the answer to that question.
 */
final class TurnDescriptor extends BenchDescriptor {

    /** What the turn's call gave, read by the conversation to go on. */
    record Outcome(CallResult call, Score score) {
    }

    private final Suite suite;
    private final Question question;
    private final String model;
    private final List<ChatMessage> messages;
    private volatile Outcome outcome;

    TurnDescriptor(UniqueId parent, int turn, Suite suite, Question question, String model, List<ChatMessage> messages) {
        super(parent.append(Segments.TURN, Integer.toString(turn)), ReportingNames.of(model, suite.id(), question.id()) + " [turn " + turn + "]",
                Sources.of(suite.origin(), question.line(), question.column()), Type.TEST);
        this.suite = suite;
        this.question = question;
        this.model = model;
        this.messages = List.copyOf(messages);
    }

    /** The outcome, or null when the turn did not get as far as a score. */
    Outcome outcome() {
        return outcome;
    }

    @Override
    public BenchExecutionContext execute(BenchExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        QuestionRunner runner = new QuestionRunner(context);
        TestRef ref = new TestRef(getUniqueId().toString(), model, suite.id(), question.id(), suite.id());
        ChatRequest request = new ChatRequest(model, messages, runner.options(), question.referenceAnswer(), ref);
        CallResult call = context.client().chat(request);
        context.recording().call(ref, request, call, null);
        Score score = runner.scoreOf(question, call, call.content());
        outcome = new Outcome(call, score);
        runner.finish(ref, suite, question, call, score);
        return context;
    }
}
