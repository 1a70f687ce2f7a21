package org.llmbench.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.llmbench.suite.Question;
import org.llmbench.suite.Suite;

/** One suite for one model: {@code [suite:ID]}, its source the suite file. */
class SuiteDescriptor extends BenchDescriptor {

    private final Suite suite;
    private final String model;
    private final ExecutionMode itemMode;
    /** Questions by id: resolving every id of a 10,000-question suite must not scan the list each time. */
    private final Map<String, Question> byId = new HashMap<>();

    /** @param itemMode how its questions run: concurrently only when the user switched parallel execution on */
    SuiteDescriptor(UniqueId parent, Suite suite, String model, ExecutionMode itemMode) {
        super(parent.append(Segments.SUITE, suite.id()), suite.name(), Sources.of(suite.origin(), 1, 1), Type.CONTAINER);
        this.suite = suite;
        this.model = model;
        this.itemMode = itemMode;
        suite.questions().forEach(q -> byId.put(q.id(), q));
    }

    @Override
    Optional<BenchDescriptor> item(UniqueId.Segment segment) {
        if (!segment.getType().equals(Segments.QUESTION)) {
            return Optional.empty();
        }
        return Optional.ofNullable(byId.get(segment.getValue())).map(this::questionDescriptor);
    }

    @Override
    List<Question> questions() {
        return suite.questions();
    }

    /** How its questions run. */
    ExecutionMode itemMode() {
        return itemMode;
    }

    Suite suite() {
        return suite;
    }

    String model() {
        return model;
    }

    @Override
    public Set<TestTag> getTags() {
        return Tags.of(suite.id());
    }

    /** The test of one of this suite's questions; phases that send questions differently make their own. */
    QuestionDescriptor questionDescriptor(Question question) {
        return new QuestionDescriptor(getUniqueId(), suite, question, model, itemMode);
    }

    /** Its suite file's version, recorded in the manifest (the regression gate refuses a baseline of another). */
    @Override
    void plan(PlanParts parts) {
        parts.suiteVersion(suite.id(), suite.version());
    }
}
