package org.llmbench.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.llmbench.tasks.ToolTask;

/** The tools phase of one model: {@code [suite:tools]} (or {@code tools-prompted}), one test per generated tool task. */
final class ToolSuiteDescriptor extends BenchDescriptor {

    private final String model;
    private final String suiteId;
    private final List<ToolTask> tasks;
    private final ExecutionMode itemMode;

    ToolSuiteDescriptor(UniqueId parent, String model, String suiteId, List<ToolTask> tasks, ExecutionMode itemMode) {
        super(parent.append(Segments.SUITE, suiteId), "tool calls", null, Type.CONTAINER);
        this.model = model;
        this.suiteId = suiteId;
        this.tasks = tasks;
        this.itemMode = itemMode;
    }

    @Override
    Optional<BenchDescriptor> item(UniqueId.Segment segment) {
        if (!segment.getType().equals(Segments.TASK)) {
            return Optional.empty();
        }
        return tasks.stream().filter(t -> t.id().equals(segment.getValue())).findFirst().map(t -> new ToolTaskDescriptor(getUniqueId(), t, model, suiteId, itemMode));
    }

    @Override
    public Set<TestTag> getTags() {
        return Tags.of(ToolTask.KIND);
    }
}
