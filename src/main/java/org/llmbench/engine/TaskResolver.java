package org.llmbench.engine;

import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;
import org.llmbench.tasks.Sandbox;
import org.llmbench.tasks.Task;
import org.llmbench.tasks.TaskCatalog;

/**
 * Resolves the generated tasks' unique ids, {@code [model:m]/[suite:tasks]} and {@code .../[task:ID]}. The tasks
 * are generated once per discovery from {@code bench.seed} and {@code bench.maxTasks}.
 */
final class TaskResolver implements SelectorResolver {

    private final DiscoveryScope scope;
    private List<Task> tasks;

    TaskResolver(DiscoveryScope scope) {
        this.scope = scope;
    }

    /** The selector of a model's task container, for resolvers that expand a model. */
    static DiscoverySelector suiteOf(UniqueId modelId) {
        return DiscoverySelectors.selectUniqueId(modelId.append(Segments.SUITE, Segments.TASKS));
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        List<UniqueId.Segment> segments = id.getSegments();
        if (!id.hasPrefix(scope.engineId())) {
            return unresolved();
        }
        UniqueId.Segment last = id.getLastSegment();
        if (segments.size() == 3 && last.getType().equals(Segments.SUITE)
                && last.getValue().equals(Segments.TASKS)) {
            return context.addToParent(() -> DiscoverySelectors.selectUniqueId(id.removeLastSegment()),
                            parent -> BenchDescriptor.below(parent).flatMap(node -> node.taskSuite(this::tasks, scope.config())))
                    .map(suite -> Resolution.match(Match.exact(suite, () -> children(suite))))
                    .orElse(unresolved());
        }
        if (segments.size() == 4 && last.getType().equals(Segments.TASK)) {
            return context.addToParent(() -> DiscoverySelectors.selectUniqueId(id.removeLastSegment()),
                            parent -> BenchDescriptor.below(parent).flatMap(node -> node.task(last.getValue())))
                    .map(task -> Resolution.match(Match.exact(task)))
                    .orElse(unresolved());
        }
        return unresolved();
    }

    private static Set<DiscoverySelector> children(TaskSuiteDescriptor suite) {
        return suite.tasks().stream()
                .map(t -> DiscoverySelectors.selectUniqueId(suite.getUniqueId().append(Segments.TASK, t.id())))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private List<Task> tasks() {
        if (tasks == null) {
            tasks = new TaskCatalog(new Sandbox(Sandbox.Limits.DEFAULT, Sandbox.Options.forRun(scope.config().unisolatedSandbox()))).generate(scope.config().seed(), scope.config().maxTasks());
        }
        return tasks;
    }
}
