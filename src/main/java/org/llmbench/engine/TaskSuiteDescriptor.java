package org.llmbench.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.llmbench.tasks.Task;

/**
 * The generated tasks of one model: {@code [suite:tasks]}. It has no source of its own, so Surefire files its
 * tests under the entry class like every other question; each task points at its generator class.
 */
final class TaskSuiteDescriptor extends BenchDescriptor {

    private final String model;
    private final List<Task> tasks;
    private final ExecutionMode itemMode;

    /** @param itemMode how its tasks run: concurrently only when the user switched parallel execution on */
    TaskSuiteDescriptor(UniqueId parent, String model, List<Task> tasks, ExecutionMode itemMode) {
        super(parent.append(Segments.SUITE, Segments.TASKS), "generated tasks", null, Type.CONTAINER);
        this.model = model;
        this.tasks = tasks;
        this.itemMode = itemMode;
    }

    @Override
    Optional<BenchDescriptor> item(UniqueId.Segment segment) {
        if (!segment.getType().equals(Segments.TASK)) {
            return Optional.empty();
        }
        return tasks.stream().filter(t -> t.id().equals(segment.getValue())).findFirst().map(t -> new TaskDescriptor(getUniqueId(), t, model, itemMode));
    }

    String model() {
        return model;
    }

    @Override
    public Set<TestTag> getTags() {
        return Tags.of(Segments.TASKS);
    }
}
