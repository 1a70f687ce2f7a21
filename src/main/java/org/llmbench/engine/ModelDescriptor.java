package org.llmbench.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.ModelGroup;
import org.llmbench.tasks.Task;
import org.llmbench.tasks.ToolTask;

/** One model under test: {@code [model:NAME]}. Carries the entry class's source so Surefire names its tests. */
final class ModelDescriptor extends BenchDescriptor {

    private final String model;

    ModelDescriptor(UniqueId parent, String model, TestSource source) {
        super(parent.append(Segments.MODEL, model), model, source, Type.CONTAINER);
        this.model = model;
    }

    String model() {
        return model;
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

    /** The model's part of the run begins: its footprint window opens. */
    @Override
    public BenchExecutionContext before(BenchExecutionContext context) {
        context.recording().modelStarted(model);
        return context;
    }

    /** The model's part of the run has ended: its footprint (memory, energy) is recorded. */
    @Override
    public void after(BenchExecutionContext context) {
        context.recording().modelEnded(model);
    }

    /** A model's phases are the units, even when none is left below it. */
    @Override
    boolean isShardUnit() {
        return false;
    }

    @Override
    Optional<TestDescriptor> suite(SuiteCatalog.Loaded loaded, BenchConfig config) {
        return Optional.of(SuiteDescriptors.create(this, loaded, model, config));
    }

    /** A mixed-lanes group runs no generated tasks: each task is one model's. */
    @Override
    Optional<BenchDescriptor> taskSuite(Supplier<List<Task>> tasks, BenchConfig config) {
        return ModelGroup.isGroup(model) ? Optional.empty()
                : Optional.of(new TaskSuiteDescriptor(getUniqueId(), model, tasks.get(), SuiteDescriptors.itemMode(config)));
    }

    /** A mixed-lanes group runs no tools phase either: each tool task is one model's. */
    @Override
    Optional<BenchDescriptor> toolSuite(Supplier<List<ToolTask>> tasks, BenchConfig config) {
        return ModelGroup.isGroup(model) ? Optional.empty() : Optional.of(new ToolSuiteDescriptor(getUniqueId(), model,
                ToolResolver.suiteId(config), tasks.get(), SuiteDescriptors.itemMode(config)));
    }

    /** The models this container runs: itself, or each of a mixed-lanes group {@code a,b}. */
    @Override
    void plan(PlanParts parts) {
        parts.models(ModelGroup.parse(model).models());
    }
}
