package org.llmbench.engine;

import java.util.List;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.llmbench.tasks.Task;

/**
 * The generated tasks of one model: {@code [suite:tasks]}. It has no source of its own, so Surefire files its
 * tests under the entry class like every other question; each task points at its generator class.
 */
final class TaskSuiteDescriptor extends AbstractTestDescriptor implements BenchNode {

    static final String SUITE_ID = "tasks";

    private final String model;
    private final List<Task> tasks;

    TaskSuiteDescriptor(UniqueId parent, String model, List<Task> tasks) {
        super(parent.append(SuiteDescriptor.SEGMENT, SUITE_ID), "generated tasks");
        this.model = model;
        this.tasks = tasks;
    }

    String model() {
        return model;
    }

    List<Task> tasks() {
        return tasks;
    }

    @Override
    public Set<TestTag> getTags() {
        return Tags.of(SUITE_ID);
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.SAME_THREAD;
    }
}
