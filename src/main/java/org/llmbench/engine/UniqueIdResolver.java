package org.llmbench.engine;

import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;
import org.llmbench.config.ModelGroup;

/**
 * Resolves unique ids ({@code [engine:llm-bench]/[model:m]/[suite:s]/[question:q]}) level by level, each
 * level asking for its parent's id, so re-running one question builds only its own branch of the tree.
 */
final class UniqueIdResolver implements SelectorResolver {

    private final DiscoveryScope scope;

    UniqueIdResolver(DiscoveryScope scope) {
        this.scope = scope;
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        if (!id.hasPrefix(scope.engineId())) {
            return unresolved();
        }
        List<UniqueId.Segment> segments = id.getSegments();
        if (segments.size() == 1) {
            Set<DiscoverySelector> models = new LinkedHashSet<>();
            scope.config().models().forEach(m -> models.add(DiscoverySelectors.selectUniqueId(scope.modelId(m))));
            return Resolution.selectors(models);
        }
        UniqueId.Segment last = id.getLastSegment();
        String type = last.getType();
        if (segments.size() == 2 && type.equals(Segments.MODEL)) {
            return model(last.getValue(), context);
        }
        if (segments.size() == 3 && type.equals(Segments.SUITE)) {
            return suite(id, last.getValue(), context);
        }
        if (segments.size() == 4 && type.equals(Segments.TURN)) {
            // A turn exists only while its conversation runs: re-running one re-runs the conversation.
            return suite(id.removeLastSegment(), segments.get(2).getValue(), context);
        }
        if (segments.size() == 4 && type.equals(Segments.QUESTION)) {
            return question(id, context);
        }
        return unresolved();
    }

    private Resolution model(String model, Context context) {
        return context.addToParent(parent -> Optional.of(new ModelDescriptor(parent.getUniqueId(), model, null)))
                .map(descriptor -> Resolution.match(Match.exact(descriptor, () -> defaultSuites(descriptor.getUniqueId()))))
                .orElse(unresolved());
    }

    /** The suites of a model selected without an entry class: those of bench.suites in the selected phases. */
    private Set<DiscoverySelector> defaultSuites(UniqueId modelId) {
        Set<DiscoverySelector> suites = scope.config().suiteRoots().stream()
                .flatMap(root -> scope.catalog().list(root).stream())
                .filter(o -> scope.catalog().selected(o, scope.config().phases()))
                .filter(o -> scope.belongsUnder(o, modelId.getLastSegment().getValue()))
                .map(o -> DiscoverySelectors.selectUniqueId(modelId.append(Segments.SUITE, o.suiteId())))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (scope.config().runsPhase(Segments.TASKS) && !ModelGroup.isGroup(modelId.getLastSegment().getValue())) {
            suites.add(TaskResolver.suiteOf(modelId));
        }
        if (scope.config().runsPhase(Segments.TOOLS) && !ModelGroup.isGroup(modelId.getLastSegment().getValue())) {
            suites.add(ToolResolver.suiteOf(modelId, scope.config()));
        }
        return suites;
    }

    private Resolution suite(UniqueId id, String suiteId, Context context) {
        return scope.catalog().find(suiteId)
                .flatMap(origin -> context.addToParent(() -> DiscoverySelectors.selectUniqueId(id.removeLastSegment()),
                        parent -> BenchDescriptor.below(parent).flatMap(node -> node.suite(scope.catalog().load(origin), scope.config()))))
                .map(descriptor -> Resolution.match(Match.exact(descriptor, () -> questions(descriptor))))
                .orElse(unresolved());
    }

    private static Set<DiscoverySelector> questions(org.junit.platform.engine.TestDescriptor suite) {
        return BenchDescriptor.of(suite).questions().stream()
                .map(q -> DiscoverySelectors.selectUniqueId(suite.getUniqueId().append(Segments.QUESTION, q.id())))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private Resolution question(UniqueId id, Context context) {
        return context.addToParent(() -> DiscoverySelectors.selectUniqueId(id.removeLastSegment()),
                        parent -> BenchDescriptor.below(parent).flatMap(node -> node.item(id.getLastSegment())))
                .map(descriptor -> Resolution.match(Match.exact(descriptor)))
                .orElse(unresolved());
    }
}
