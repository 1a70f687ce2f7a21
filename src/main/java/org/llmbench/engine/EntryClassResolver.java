package org.llmbench.engine;

import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.discovery.SelectorResolver;
import org.llmbench.config.ModelGroup;
import org.llmbench.suite.SuiteOrigin;

/**
 * Resolves a class annotated with {@link LlmBench} (what Surefire and IDEs select) to one model container per
 * configured model, each expanding to the suites of the class's roots that belong to a selected phase.
 */
final class EntryClassResolver implements SelectorResolver {

    private final DiscoveryScope scope;

    EntryClassResolver(DiscoveryScope scope) {
        this.scope = scope;
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> entry = selector.getJavaClass();
        Optional<LlmBench> annotation = AnnotationSupport.findAnnotation(entry, LlmBench.class);
        if (annotation.isEmpty()) {
            return unresolved();
        }
        List<String> phases = annotation.get().phases().length > 0 ? Arrays.asList(annotation.get().phases())
                : scope.config().phases();
        List<String> roots = annotation.get().suites().length > 0 ? Arrays.asList(annotation.get().suites())
                : scope.config().suiteRoots();
        List<SuiteOrigin> origins = roots.stream()
                .flatMap(root -> scope.catalog().list(root).stream())
                .filter(o -> scope.catalog().selected(o, phases))
                // Suites run in the order the phases name them (hello before 5q), not by file name.
                .sorted(java.util.Comparator.comparingInt(o -> phases.indexOf(o.suiteId()) < 0
                        ? Integer.MAX_VALUE : phases.indexOf(o.suiteId())))
                .toList();
        Set<Match> matches = new LinkedHashSet<>();
        for (String model : scope.containersFor(origins)) {
            context.addToParent(parent -> Optional.of(new ModelDescriptor(parent.getUniqueId(), model, ClassSource.from(entry))))
                    .ifPresent(descriptor -> matches.add(Match.exact(descriptor, () -> {
                        Set<DiscoverySelector> children = new LinkedHashSet<>();
                        origins.stream().filter(o -> scope.belongsUnder(o, model))
                                .forEach(o -> children.add(DiscoverySelectors.selectUniqueId(
                                        descriptor.getUniqueId().append(Segments.SUITE, o.suiteId()))));
                        boolean group = ModelGroup.isGroup(model);
                        if (!group && (phases.contains("all") || phases.contains(Segments.TASKS))) {
                            children.add(TaskResolver.suiteOf(descriptor.getUniqueId()));
                        }
                        if (!group && (phases.contains("all") || phases.contains(Segments.TOOLS))) {
                            children.add(ToolResolver.suiteOf(descriptor.getUniqueId(), scope.config()));
                        }
                        return children;
                    })));
        }
        return Resolution.matches(matches);
    }
}
