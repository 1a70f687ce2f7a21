package org.llmbench.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.llmbench.config.BenchConfig;

/** The root of the tree; it holds the run's configuration, read once at discovery. */
final class BenchEngineDescriptor extends EngineDescriptor implements Node<BenchExecutionContext> {

    private final BenchConfig config;

    BenchEngineDescriptor(UniqueId uniqueId, BenchConfig config) {
        super(uniqueId, "llm-bench");
        this.config = config;
    }

    BenchConfig config() {
        return config;
    }

    @Override
    public void after(BenchExecutionContext context) {
        context.client().close();
    }
}
