package org.llmbench.engine;

import java.util.List;
import org.junit.platform.engine.UniqueId;
import org.llmbench.record.TestRef;
import org.llmbench.model.CallResult;
import org.llmbench.scoring.Check;
import org.llmbench.scoring.Score;
import org.llmbench.suite.Question;
import org.llmbench.suite.Suite;

/** One question of the whole-suite phase: scores part {@code n} of the suite's one answer, or fails as missing. */
final class PartQuestionDescriptor extends QuestionDescriptor {

    private final int number;

    PartQuestionDescriptor(UniqueId parent, Suite suite, Question question, String model, int number, ExecutionMode mode) {
        super(parent, suite, question, model, ReportingNames.of(model, suite.id(), question.id()) + " [part " + number + "]",
                mode);
        this.number = number;
    }

    @Override
    public BenchExecutionContext execute(BenchExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        WholeSuiteAnswer whole = context.wholeSuite();
        CallResult call = whole.call();
        QuestionRunner runner = new QuestionRunner(context);
        String part = whole.parts().get(number);
        Score score;
        if (call.ok() && part == null) {
            double passMark = question().passScore() == null ? context.config().passScore() : question().passScore();
            score = Score.of(List.of(Check.failed("part present", 1, "no line '### " + number
                    + "' starts an answer to this question in the whole-suite answer")), passMark);
        } else {
            score = runner.scoreOf(question(), call, part);
        }
        TestRef ref = new TestRef(getUniqueId().toString(), model(), suite().id(), question().id(), suite().id());
        runner.finish(ref, suite(), question(), call, score);
        return context;
    }
}
