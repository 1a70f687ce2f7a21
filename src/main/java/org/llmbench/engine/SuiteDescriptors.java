package org.llmbench.engine;

import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node.ExecutionMode;
import org.llmbench.config.BenchConfig;
import org.llmbench.suite.RunMode;

/**
 * Makes the descriptor of a suite under a model: the one its {@code run_mode} asks for, or a failing stand-in
 * when the suite could not be read.
 */
final class SuiteDescriptors {

    private SuiteDescriptors() {
    }

    /** Questions and tasks overlap only when the user switched parallel execution on; a parallel phase's lanes always do. */
    static ExecutionMode itemMode(BenchConfig config) {
        return config.parallelEnabled() ? ExecutionMode.CONCURRENT : ExecutionMode.SAME_THREAD;
    }

    static TestDescriptor create(TestDescriptor model, SuiteCatalog.Loaded loaded, String modelName, BenchConfig config) {
        if (loaded.suite() == null) {
            return new BrokenSuiteDescriptor(model.getUniqueId(), loaded.origin().suiteId(), loaded.problem());
        }
        return switch (RunMode.of(loaded.suite())) {
            case SEQUENTIAL -> new SuiteDescriptor(model.getUniqueId(), loaded.suite(), modelName, itemMode(config));
            case PARALLEL_SAME, PARALLEL_MIXED -> new LaneSuiteDescriptor(model.getUniqueId(), loaded.suite(), modelName, config,
                    itemMode(config));
            case APPEND -> new AppendConversationDescriptor(model.getUniqueId(), loaded.suite(), modelName);
            case WHOLE_SUITE -> new WholeSuiteDescriptor(model.getUniqueId(), loaded.suite(), modelName, itemMode(config));
        };
    }
}
