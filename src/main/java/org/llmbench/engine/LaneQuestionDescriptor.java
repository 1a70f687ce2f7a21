package org.llmbench.engine;

import org.junit.platform.engine.UniqueId;
import org.llmbench.suite.Question;
import org.llmbench.suite.Suite;

/**
 * A question of a parallel phase: it runs concurrently with its siblings, sends to its lane's model and goes
 * through the phase's meter, which lets {@code lanes} calls through at a time and counts them.
 */
final class LaneQuestionDescriptor extends QuestionDescriptor {

    private final int lane;

    LaneQuestionDescriptor(UniqueId parent, Suite suite, Question question, String laneModel, int lane) {
        super(parent, suite, question, laneModel, ReportingNames.of(laneModel, suite.id(), question.id()) + " [lane " + lane + "]",
                ExecutionMode.CONCURRENT);
        this.lane = lane;
    }

    int lane() {
        return lane;
    }

    @Override
    public BenchExecutionContext execute(BenchExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        super.execute(context.withClient(context.lanes().client(context.client(), lane)), dynamicTestExecutor);
        return context;
    }
}
