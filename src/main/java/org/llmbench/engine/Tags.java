package org.llmbench.engine;

import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.platform.engine.TestTag;

/** Builds tag sets, dropping values JUnit does not accept as tags instead of failing discovery. */
final class Tags {

    private Tags() {
    }

    static Set<TestTag> of(String... names) {
        Set<TestTag> tags = new LinkedHashSet<>();
        for (String name : names) {
            if (name != null && TestTag.isValid(name)) {
                tags.add(TestTag.create(name));
            }
        }
        return tags;
    }
}
