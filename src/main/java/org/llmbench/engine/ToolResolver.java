package org.llmbench.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.llmbench.config.BenchConfig;
import org.llmbench.tasks.ToolTask;
import org.llmbench.tasks.ToolTasks;

/**
 * Resolves the tools phase's unique ids, {@code [model:m]/[suite:tools]} (or {@code [suite:tools-prompted]} with
 * {@code bench.toolMode=prompted}) and {@code .../[task:ID]}; the tasks are generated once per discovery from
 * {@code bench.seed} and {@code bench.maxTasks} (per category).
 */
final class ToolResolver extends GeneratedPhaseResolver<ToolTask> {

    ToolResolver(DiscoveryScope scope) {
        super(scope);
    }

    /** The phase's suite id under these settings: prompted calls are a suite of their own, never totalled with native ones. */
    static String suiteId(BenchConfig config) {
        return config.promptedTools() ? Segments.TOOLS_PROMPTED : Segments.TOOLS;
    }

    /** The selector of a model's tools container. */
    static DiscoverySelector suiteOf(UniqueId modelId, BenchConfig config) {
        return DiscoverySelectors.selectUniqueId(modelId.append(Segments.SUITE, suiteId(config)));
    }

    @Override
    String suiteId() {
        return suiteId(scope.config());
    }

    @Override
    List<ToolTask> generate() {
        return new ToolTasks().generate(scope.config().seed(), scope.config().maxTasks());
    }

    @Override
    String id(ToolTask task) {
        return task.id();
    }

    @Override
    Optional<BenchDescriptor> container(BenchDescriptor node, Supplier<List<ToolTask>> tasks) {
        return node.toolSuite(tasks, scope.config());
    }
}
