package org.llmbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.UniqueId;
import org.llmbench.record.PhaseMeasures;
import org.llmbench.record.TestRef;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatRequest;
import org.llmbench.suite.Question;
import org.llmbench.suite.RunMode;
import org.llmbench.suite.Suite;

/**
 * The whole-suite phase ({@code edge_suite}): one call with every question of the suite in one prompt, made
 * when the container runs; each question's test then scores its numbered part of that one answer.
 */
final class WholeSuiteDescriptor extends SuiteDescriptor {

    WholeSuiteDescriptor(UniqueId parent, Suite suite, String model, ExecutionMode itemMode) {
        super(parent, suite, model, itemMode);
    }

    @Override
    QuestionDescriptor questionDescriptor(Question question) {
        return new PartQuestionDescriptor(getUniqueId(), suite(), question, model(), suite().questions().indexOf(question) + 1,
                itemMode());
    }

    /** One call answers every question: the phase runs whole in one process. */
    @Override
    boolean isShardUnit() {
        return true;
    }

    @Override
    public BenchExecutionContext execute(BenchExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        List<Question> questions = suite().questions();
        QuestionRunner runner = new QuestionRunner(context);
        String prompt = NumberedParts.prompt(questions);
        TestRef ref = new TestRef(getUniqueId().toString(), model(), suite().id(), "whole_suite", suite().id());
        ChatRequest request = new ChatRequest(model(), runner.messages(prompt), runner.options(),
                NumberedParts.referenceAnswer(questions), ref);
        CallResult call = context.client().chat(request);
        context.recording().call(ref, request, call, null);
        Map<Integer, String> parts = call.ok() ? NumberedParts.split(call.content(), questions.size()) : Map.of();
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            (parts.containsKey(i + 1) ? found : missing).add(questions.get(i).id());
        }
        PhaseMeasures.WholeSuite figures = new PhaseMeasures.WholeSuite(questions.size(), request.charsIn(),
                call.promptTokens() == null ? null : call.promptTokens().longValue(),
                call.completionTokens() == null ? null : call.completionTokens().longValue(), call.tokensEstimated(),
                call.latencyMs(), call.errorKind() == null ? null : call.errorKind().wireName(), found, missing);
        PhaseRecorder.publish(this, context, suite().id(), model(), RunMode.WHOLE_SUITE.wireName(), figures);
        return context.withWholeSuite(new WholeSuiteAnswer(call, parts));
    }
}
