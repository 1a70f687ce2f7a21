package org.llmbench.engine;

import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * Every node below the engine: its type is fixed when it is made, it runs on its parent's thread unless it says
 * otherwise, and it answers the questions that filtering and planning ask of the tree, so that walks over the
 * tree ask the node instead of testing its class. What a node needs from above reaches it through the
 * {@link BenchExecutionContext}, never by naming the descriptors above it.
 */
abstract class BenchDescriptor extends AbstractTestDescriptor implements BenchNode {

    private final Type type;

    BenchDescriptor(UniqueId uniqueId, String displayName, TestSource source, Type type) {
        super(uniqueId, displayName, source);
        this.type = type;
    }

    @Override
    public final Type getType() {
        return type;
    }

    /** Models, suites and turns run one after another; questions and lanes say when they may overlap. */
    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.SAME_THREAD;
    }

    /**
     * Whether this node is what must run whole in one process when a run is sharded ({@code bench.shard}): a test,
     * a phase whose items belong together, and a container with nothing below (a suite that failed to load), so
     * that exactly one shard reports it.
     */
    boolean isShardUnit() {
        return isTest() || getChildren().isEmpty();
    }

    /** How many calls this node lets run at once; 0 for every node that is no parallel phase. */
    int lanes() {
        return 0;
    }

    /** Adds what this node itself plans to the run's plan (models, lanes, turns known only at run time, sandboxes). */
    void plan(RunPlanner planner) {
    }

    /** A node of this engine's tree: every descriptor below the engine is one. */
    static BenchDescriptor of(TestDescriptor descriptor) {
        return (BenchDescriptor) descriptor;
    }
}
