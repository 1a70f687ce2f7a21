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
import org.llmbench.config.BenchConfig;
import org.llmbench.tasks.ToolTask;
import org.llmbench.tasks.ToolTasks;

/**
 * Resolves the tools phase's unique ids, {@code [model:m]/[suite:tools]} (or {@code [suite:tools-prompted]} with
 * {@code bench.toolMode=prompted}) and {@code .../[task:ID]}; the tasks are generated once per discovery from
 * {@code bench.seed} and {@code bench.maxTasks} (per category).
 */
final class ToolResolver implements SelectorResolver {

    private final DiscoveryScope scope;
    private List<ToolTask> tasks;

    ToolResolver(DiscoveryScope scope) {
        this.scope = scope;
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
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        List<UniqueId.Segment> segments = id.getSegments();
        if (!id.hasPrefix(scope.engineId())) {
            return unresolved();
        }
        UniqueId.Segment last = id.getLastSegment();
        String suite = suiteId(scope.config());
        if (segments.size() == 3 && last.getType().equals(Segments.SUITE) && last.getValue().equals(suite)) {
            return context.addToParent(() -> DiscoverySelectors.selectUniqueId(id.removeLastSegment()),
                            parent -> BenchDescriptor.below(parent).flatMap(node -> node.toolSuite(this::tasks, scope.config())))
                    .map(s -> Resolution.match(Match.exact(s, () -> children(s))))
                    .orElse(unresolved());
        }
        if (segments.size() == 4 && last.getType().equals(Segments.TASK) && segments.get(2).getValue().equals(suite)) {
            return context.addToParent(() -> DiscoverySelectors.selectUniqueId(id.removeLastSegment()),
                            parent -> BenchDescriptor.below(parent).flatMap(node -> node.toolTask(last.getValue())))
                    .map(task -> Resolution.match(Match.exact(task)))
                    .orElse(unresolved());
        }
        return unresolved();
    }

    private static Set<DiscoverySelector> children(ToolSuiteDescriptor suite) {
        return suite.tasks().stream()
                .map(t -> DiscoverySelectors.selectUniqueId(suite.getUniqueId().append(Segments.TASK, t.id())))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private List<ToolTask> tasks() {
        if (tasks == null) {
            tasks = new ToolTasks().generate(scope.config().seed(), scope.config().maxTasks());
        }
        return tasks;
    }
}
