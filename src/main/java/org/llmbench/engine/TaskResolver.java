package org.llmbench.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.llmbench.tasks.Sandbox;
import org.llmbench.tasks.Task;
import org.llmbench.tasks.TaskCatalog;

/**
 * Resolves the generated tasks' unique ids, {@code [model:m]/[suite:tasks]} and {@code .../[task:ID]}. The tasks
 * are generated once per discovery from {@code bench.seed} and {@code bench.maxTasks}.
 */
final class TaskResolver extends GeneratedPhaseResolver<Task> {

    TaskResolver(DiscoveryScope scope) {
        super(scope);
    }

    /** The selector of a model's task container, for resolvers that expand a model. */
    static DiscoverySelector suiteOf(UniqueId modelId) {
        return DiscoverySelectors.selectUniqueId(modelId.append(Segments.SUITE, Segments.TASKS));
    }

    @Override
    String suiteId() {
        return Segments.TASKS;
    }

    @Override
    List<Task> generate() {
        Sandbox sandbox = new Sandbox(Sandbox.Limits.DEFAULT, Sandbox.Options.forRun(scope.config().unisolatedSandbox()));
        return new TaskCatalog(sandbox).generate(scope.config().seed(), scope.config().maxTasks());
    }

    @Override
    String id(Task task) {
        return task.id();
    }

    @Override
    Optional<BenchDescriptor> container(BenchDescriptor node, Supplier<List<Task>> tasks) {
        return node.taskSuite(tasks, scope.config());
    }
}
