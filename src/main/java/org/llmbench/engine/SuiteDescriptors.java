package org.llmbench.engine;

import org.junit.platform.engine.TestDescriptor;

/** Makes the descriptor of a suite under a model: the suite itself, or a failing stand-in when it could not be read. */
final class SuiteDescriptors {

    private SuiteDescriptors() {
    }

    static TestDescriptor create(TestDescriptor model, SuiteCatalog.Loaded loaded, String modelName) {
        if (loaded.suite() == null) {
            return new BrokenSuiteDescriptor(model.getUniqueId(), loaded.origin().suiteId(), loaded.problem());
        }
        return new SuiteDescriptor(model.getUniqueId(), loaded.suite(), modelName);
    }
}
