package org.llmbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.llmbench.record.TestRef;
import org.llmbench.suite.Question;
import org.llmbench.suite.Suite;

/**
 * One question of one suite for one model: the test. {@code [question:ID]}, its source the question's line.
 * Its display and legacy reporting names are {@code model/suite/ID} because flat reports (Surefire, Allure)
 * show no tree to tell {@code 5q/Q01} from {@code 20q/Q01}, or one model's {@code 5q/Q01} from another's.
 */
class QuestionDescriptor extends BenchDescriptor {

    private final Suite suite;
    private final Question question;
    private final String model;
    private final ExecutionMode mode;

    QuestionDescriptor(UniqueId parent, Suite suite, Question question, String model, ExecutionMode mode) {
        this(parent, suite, question, model, ReportingNames.of(model, suite.id(), question.id()), mode);
    }

    /** @param mode concurrent when the user switched parallel execution on, or the question is a parallel phase's */
    QuestionDescriptor(UniqueId parent, Suite suite, Question question, String model, String displayName, ExecutionMode mode) {
        super(parent.append(Segments.QUESTION, question.id()), displayName, Sources.of(suite.origin(), question.line(), question.column()),
                Type.TEST);
        this.suite = suite;
        this.question = question;
        this.model = model;
        this.mode = mode;
    }

    Suite suite() {
        return suite;
    }

    Question question() {
        return question;
    }

    String model() {
        return model;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return mode;
    }

    /** {@code model/suite/ID}, without a lane or part: what JUnit's legacy XML names the test. */
    @Override
    public String getLegacyReportingName() {
        return ReportingNames.of(model, suite.id(), question.id());
    }

    @Override
    public Set<TestTag> getTags() {
        List<String> names = new ArrayList<>(question.tags());
        names.add(suite.id());
        if (question.formatRule() != null) {
            names.add(question.formatRule().wireName());
        }
        return Tags.of(names.toArray(String[]::new));
    }

    @Override
    public SkipResult shouldBeSkipped(BenchExecutionContext context) {
        return context.ledger().skipReason(getUniqueId().toString())
                .or(() -> org.llmbench.suite.Objective.of(question).tests() == null ? java.util.Optional.empty()
                        : org.llmbench.tasks.SuiteCodeJudge.refusal(context.config().unisolatedSandbox()))
                .map(SkipResult::skip)
                .orElse(SkipResult.doNotSkip());
    }

    @Override
    public BenchExecutionContext execute(BenchExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        TestRef ref = new TestRef(getUniqueId().toString(), model, suite.id(), question.id(), suite.id());
        // A question scored by log-likelihood is asked for its answer's probabilities; a client that has none is asked
        // for an answer instead.
        if (!LoglikelihoodRunner.applies(question) || !new LoglikelihoodRunner(context).run(ref, suite, question)) {
            new QuestionRunner(context).run(ref, suite, question);
        }
        return context;
    }
}
