package org.llmbench.engine;

import java.util.List;
import java.util.Set;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.CompositeTestSource;
import org.llmbench.record.TestRef;
import org.llmbench.tasks.Task;

/**
 * One generated task for one model: the test {@code [task:ID]} named {@code model/tasks/ID}, tagged {@code tasks}
 * and its kind, its source the generator class. Skipped (not failed) when this machine cannot run it, e.g. a Python task without python3.
 */
final class TaskDescriptor extends BenchDescriptor {

    private final Task task;
    private final String model;
    private final ExecutionMode mode;

    TaskDescriptor(UniqueId parent, Task task, String model, ExecutionMode mode) {
        super(parent.append(Segments.TASK, task.id()), ReportingNames.of(model, Segments.TASKS, task.id()),
                generatorSource(task), Type.TEST);
        this.task = task;
        this.model = model;
        this.mode = mode;
    }

    /**
     * The generator class, wrapped in a composite of one: Surefire reports a test whose own source is a
     * {@link ClassSource} as a class-level event without a test name ({@code <testcase name="">}, every task
     * counted as one), while tools that read composites (IDEs, {@code list}) still find the generator.
     */
    Task task() {
        return task;
    }

    static TestSource generatorSource(Task task) {
        return CompositeTestSource.from(List.of(ClassSource.from(task.generator())));
    }

    @Override
    public String getLegacyReportingName() {
        return ReportingNames.of(model, Segments.TASKS, task.id());
    }

    @Override
    public Set<TestTag> getTags() {
        return Tags.of(Segments.TASKS, task.kind().wireName());
    }

    @Override
    public SkipResult shouldBeSkipped(BenchExecutionContext context) {
        return context.ledger().skipReason(getUniqueId().toString())
                .or(task::unavailable)
                .or(() -> org.llmbench.tasks.CodeRunner.refusal(task, context.config().unisolatedSandbox()))
                .map(SkipResult::skip)
                .orElse(SkipResult.doNotSkip());
    }

    @Override
    public BenchExecutionContext execute(BenchExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        TestRef ref = new TestRef(getUniqueId().toString(), model, Segments.TASKS, task.id(), task.kind().wireName());
        new TaskRunner(context).run(ref, task);
        return context;
    }

    /** The sandbox this machine puts around the task's code, as the run's manifest records it. */
    @Override
    void plan(PlanParts parts) {
        parts.sandboxLayers(task.id(), () -> org.llmbench.tasks.CodeRunner.layers(task, parts.config().unisolatedSandbox()));
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return mode;
    }
}
