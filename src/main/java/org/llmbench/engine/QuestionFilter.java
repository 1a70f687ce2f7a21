package org.llmbench.engine;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;

/**
 * Applies {@code bench.question=5q/Q03,...}: Surefire's {@code -Dtest=Class#method} cannot reach a question,
 * so this keeps only the named ones (by suite id and question id) and prunes what is left empty.
 */
final class QuestionFilter {

    private QuestionFilter() {
    }

    static void apply(TestDescriptor engine, List<String> filters) {
        if (filters.isEmpty()) {
            return;
        }
        List<TestDescriptor> unwanted = new ArrayList<>();
        engine.accept(d -> {
            if (d.isTest() && !matches(d.getUniqueId(), filters)) {
                unwanted.add(d);
            }
        });
        unwanted.forEach(TestDescriptor::removeFromHierarchy);
        engine.accept(TestDescriptor::prune);
    }

    private static boolean matches(UniqueId id, List<String> filters) {
        List<UniqueId.Segment> segments = id.getSegments();
        if (segments.size() < 3) {
            return false;
        }
        String suite = segments.get(2).getValue();
        String item = id.getLastSegment().getValue();
        return filters.contains(suite + "/" + item) || filters.contains(suite);
    }
}
