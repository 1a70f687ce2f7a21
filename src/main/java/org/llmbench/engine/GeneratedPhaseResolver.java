package org.llmbench.engine;

import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves the unique ids of a phase whose tests are generated rather than read from a file:
 * {@code [model:m]/[suite:S]} and {@code .../[suite:S]/[task:ID]}. The tasks are generated once per discovery, when
 * a selector first needs them; the model's node makes the phase's container, and the container its tests.
 *
 * @param <T> the generated task
 */
abstract class GeneratedPhaseResolver<T> implements SelectorResolver {

    final DiscoveryScope scope;
    private List<T> tasks;

    GeneratedPhaseResolver(DiscoveryScope scope) {
        this.scope = scope;
    }

    /** The phase's suite segment under the run's settings. */
    abstract String suiteId();

    /** The phase's tasks, from {@code bench.seed} and {@code bench.maxTasks}. */
    abstract List<T> generate();

    /** A task's id, its test's last segment. */
    abstract String id(T task);

    /** The phase's container below {@code node}, made of these tasks; empty unless the node is a single model's. */
    abstract Optional<BenchDescriptor> container(BenchDescriptor node, Supplier<List<T>> tasks);

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        List<UniqueId.Segment> segments = id.getSegments();
        if (!id.hasPrefix(scope.engineId())) {
            return unresolved();
        }
        UniqueId.Segment last = id.getLastSegment();
        String suite = suiteId();
        if (segments.size() == 3 && last.getType().equals(Segments.SUITE) && last.getValue().equals(suite)) {
            return context.addToParent(() -> DiscoverySelectors.selectUniqueId(id.removeLastSegment()),
                            parent -> BenchDescriptor.below(parent).flatMap(node -> container(node, this::tasks)))
                    .map(container -> Resolution.match(Match.exact(container, () -> children(container.getUniqueId()))))
                    .orElse(unresolved());
        }
        if (segments.size() == 4 && last.getType().equals(Segments.TASK) && segments.get(2).getValue().equals(suite)) {
            return context.addToParent(() -> DiscoverySelectors.selectUniqueId(id.removeLastSegment()),
                            parent -> BenchDescriptor.below(parent).flatMap(node -> node.item(last)))
                    .map(test -> Resolution.match(Match.exact(test)))
                    .orElse(unresolved());
        }
        return unresolved();
    }

    private Set<DiscoverySelector> children(UniqueId container) {
        return tasks().stream()
                .map(t -> DiscoverySelectors.selectUniqueId(container.append(Segments.TASK, id(t))))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private List<T> tasks() {
        if (tasks == null) {
            tasks = generate();
        }
        return tasks;
    }
}
