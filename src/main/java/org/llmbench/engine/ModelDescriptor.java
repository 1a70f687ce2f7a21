package org.llmbench.engine;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
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

    /**
     * The entry class's name when the model came from one, as a class container's is: Surefire takes it as
     * the {@code classname} of every test below, and a model name is no class name (Jenkins would split
     * {@code qwen2.5:7b} at its dot). The model is in each test's own name instead.
     */
    @Override
    public String getLegacyReportingName() {
        return getSource().filter(ClassSource.class::isInstance).map(s -> ((ClassSource) s).getClassName()).orElse(model);
    }

    /** Models run one after another, so one model's phases never share the machine with another's. */
    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.SAME_THREAD;
    }
}
