package org.llmbench.engine;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** One model under test: {@code [model:NAME]}. Carries the entry class's source so Surefire names its tests. */
final class ModelDescriptor extends AbstractTestDescriptor implements BenchNode {

    static final String SEGMENT = "model";

    private final String model;

    ModelDescriptor(UniqueId parent, String model, TestSource source) {
        super(parent.append(SEGMENT, model), model, source);
        this.model = model;
    }

    String model() {
        return model;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    /** Models run one after another, so one model's phases never share the machine with another's. */
    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.SAME_THREAD;
    }
}
