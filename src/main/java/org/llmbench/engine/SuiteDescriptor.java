package org.llmbench.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.llmbench.suite.Question;
import org.llmbench.suite.Suite;

/** One suite for one model: {@code [suite:ID]}, its source the suite file. */
class SuiteDescriptor extends AbstractTestDescriptor implements BenchNode {

    static final String SEGMENT = "suite";

    private final Suite suite;
    private final String model;
    /** Questions by id: resolving every id of a 10,000-question suite must not scan the list each time. */
    private final Map<String, Question> byId = new HashMap<>();

    SuiteDescriptor(UniqueId parent, Suite suite, String model) {
        super(parent.append(SEGMENT, suite.id()), suite.name(), Sources.of(suite.origin(), 1, 1));
        this.suite = suite;
        this.model = model;
        suite.questions().forEach(q -> byId.put(q.id(), q));
    }

    Optional<Question> question(String id) {
        return Optional.ofNullable(byId.get(id));
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

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    /** Suites run one after another, so only the questions of a parallel phase ever overlap. */
    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.SAME_THREAD;
    }

    /** The test of one of this suite's questions; phases that send questions differently make their own. */
    QuestionDescriptor questionDescriptor(Question question) {
        return new QuestionDescriptor(getUniqueId(), suite, question, model);
    }
}
