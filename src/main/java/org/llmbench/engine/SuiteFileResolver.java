package org.llmbench.engine;

import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.FilePosition;
import org.junit.platform.engine.support.discovery.SelectorResolver;
import org.llmbench.suite.Question;
import org.llmbench.suite.SuiteOrigin;

/**
 * Resolves suite files, however they are selected: a directory (its suites of the selected phases), a file
 * or a classpath resource (the whole suite, or with a line: the question at that line), for every model.
 */
final class SuiteFileResolver implements SelectorResolver {

    private final DiscoveryScope scope;

    SuiteFileResolver(DiscoveryScope scope) {
        this.scope = scope;
    }

    @Override
    public Resolution resolve(DirectorySelector selector, Context context) {
        Set<FileSelector> files = scope.catalog().listDirectory(selector.getPath()).stream()
                .filter(o -> scope.catalog().selected(o, scope.config().phases()))
                .map(o -> DiscoverySelectors.selectFile(o.file().toFile()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return files.isEmpty() ? unresolved() : Resolution.selectors(files);
    }

    @Override
    public Resolution resolve(FileSelector selector, Context context) {
        if (!selector.getRawPath().endsWith(".json")) {
            return unresolved();
        }
        return suite(SuiteOrigin.ofFile(selector.getPath()), selector.getPosition(), context);
    }

    @Override
    public Resolution resolve(ClasspathResourceSelector selector, Context context) {
        if (!selector.getClasspathResourceName().endsWith(".json")) {
            return unresolved();
        }
        return suite(SuiteOrigin.ofResource(selector.getClasspathResourceName()), selector.getPosition(), context);
    }

    private Resolution suite(SuiteOrigin origin, Optional<FilePosition> position, Context context) {
        SuiteCatalog.Loaded loaded = scope.catalog().load(origin);
        Optional<Question> atLine = position.flatMap(p -> loaded.suite() == null ? Optional.empty()
                : loaded.suite().questionAtLine(p.getLine()));
        Set<Match> matches = new LinkedHashSet<>();
        for (String model : scope.containersFor(origin)) {
            context.addToParent(() -> DiscoverySelectors.selectUniqueId(scope.modelId(model)),
                            parent -> BenchDescriptor.below(parent).flatMap(node -> node.suite(loaded, scope.config())))
                    .ifPresent(suite -> matches.add(Match.exact(suite, () -> children(suite, atLine))));
        }
        return Resolution.matches(matches);
    }

    private static Set<DiscoverySelector> children(TestDescriptor suite, Optional<Question> only) {
        return BenchDescriptor.of(suite).questions().stream()
                .filter(q -> only.isEmpty() || only.get() == q)
                .map(q -> DiscoverySelectors.selectUniqueId(suite.getUniqueId().append(Segments.QUESTION, q.id())))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
