package org.llmbench.engine;

import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.llmbench.config.BenchConfig;

/** The root of the tree; it holds the run's configuration, read once at discovery. */
final class BenchEngineDescriptor extends EngineDescriptor implements Node<BenchExecutionContext> {

    private final BenchConfig config;
    private final boolean concurrentQuestions;

    BenchEngineDescriptor(UniqueId uniqueId, BenchConfig config) {
        this(uniqueId, config, false);
    }

    /** @param concurrentQuestions whether the user switched on parallel execution for every suite's questions */
    BenchEngineDescriptor(UniqueId uniqueId, BenchConfig config, boolean concurrentQuestions) {
        super(uniqueId, "llm-bench");
        this.config = config;
        this.concurrentQuestions = concurrentQuestions;
    }

    BenchConfig config() {
        return config;
    }

    boolean concurrentQuestions() {
        return concurrentQuestions;
    }

    /**
     * How a question or task runs: concurrently only when the user switched parallel execution on; a parallel
     * phase's own lanes are the exception and say so themselves, so other phases never skew their figures.
     */
    static ExecutionMode itemMode(TestDescriptor item) {
        TestDescriptor root = item;
        while (root.getParent().isPresent()) {
            root = root.getParent().get();
        }
        return root instanceof BenchEngineDescriptor engine && engine.concurrentQuestions()
                ? ExecutionMode.CONCURRENT : ExecutionMode.SAME_THREAD;
    }

    @Override
    public BenchExecutionContext before(BenchExecutionContext context) {
        ModelDetails.record(context.client(), context.config().models());
        return context;
    }

    @Override
    public void after(BenchExecutionContext context) {
        context.client().close();
    }
}
