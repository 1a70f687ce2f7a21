package org.llmbench.engine;

import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.CompositeTestSource;
import org.llmbench.record.TestRef;
import org.llmbench.tasks.ToolTask;

/** One tool task for one model: the test {@code model/tools/ID}, tagged {@code tools} and its category. */
final class ToolTaskDescriptor extends BenchDescriptor {

    private final ToolTask task;
    private final String model;
    private final String suiteId;
    private final ExecutionMode mode;

    ToolTaskDescriptor(UniqueId parent, ToolTask task, String model, String suiteId, ExecutionMode mode) {
        super(parent.append(Segments.TASK, task.id()), ReportingNames.of(model, suiteId, task.id()),
                CompositeTestSource.from(java.util.List.of(ClassSource.from(task.generator()))), Type.TEST);
        this.task = task;
        this.model = model;
        this.suiteId = suiteId;
        this.mode = mode;
    }

    @Override
    public String getLegacyReportingName() {
        return ReportingNames.of(model, suiteId, task.id());
    }

    @Override
    public Set<TestTag> getTags() {
        return Tags.of(ToolTask.KIND, task.category().wireName());
    }

    @Override
    public SkipResult shouldBeSkipped(BenchExecutionContext context) {
        return context.ledger().skipReason(getUniqueId().toString()).map(SkipResult::skip).orElse(SkipResult.doNotSkip());
    }

    @Override
    public BenchExecutionContext execute(BenchExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        TestRef ref = new TestRef(getUniqueId().toString(), model, suiteId, task.id(), task.category().wireName());
        new ToolRunner(context).run(ref, task);
        return context;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return mode;
    }
}
