package org.llmbench.engine;

import org.junit.platform.engine.UniqueId;

/**
 * The names JUnit tooling shows for a test: {@code model/suite/item}. Flat reports name a test by its display
 * name alone (Surefire's XML and console, Allure), so the name carries the model and the suite: without the model,
 * Surefire takes the same question of two models for two runs of one test (a "flaky rerun") and counts it once.
 */
final class ReportingNames {

    private ReportingNames() {
    }

    /** {@code model/suite/item}, e.g. {@code mock/5q/Q03} or {@code mock/tasks/code_fix-java-01}. */
    static String of(String model, String suiteId, String item) {
        return model + "/" + suiteId + "/" + item;
    }

    /** The model of a node below a model container, from its unique id; empty when there is none. */
    static String modelOf(UniqueId id) {
        return id.getSegments().stream().filter(s -> s.getType().equals(Segments.MODEL))
                .map(UniqueId.Segment::getValue).findFirst().orElse("");
    }
}
