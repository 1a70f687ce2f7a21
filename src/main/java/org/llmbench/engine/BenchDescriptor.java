package org.llmbench.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.llmbench.config.BenchConfig;
import org.llmbench.suite.Question;
import org.llmbench.tasks.Task;
import org.llmbench.tasks.ToolTask;

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
    void plan(PlanParts parts) {
    }

    // The finders return a base type (this one or JUnit's): a base naming its subclasses depends on classes that
    // depend back on it, and the resolvers need no more than a node to hand to JUnit.

    /** The descriptor of a suite file under this node: only a model container has suites. */
    Optional<TestDescriptor> suite(SuiteCatalog.Loaded loaded, BenchConfig config) {
        return Optional.empty();
    }

    /** The container of the generated tasks under this node: only a single model's container has one. */
    Optional<BenchDescriptor> taskSuite(Supplier<List<Task>> tasks, BenchConfig config) {
        return Optional.empty();
    }

    /** The container of the tools phase under this node: only a single model's container has one. */
    Optional<BenchDescriptor> toolSuite(Supplier<List<ToolTask>> tasks, BenchConfig config) {
        return Optional.empty();
    }

    /** The questions this node makes a test of each, in order; none for nodes that hold no question tests. */
    List<Question> questions() {
        return List.of();
    }

    /**
     * The test of one of this container's items, named by the last segment of its unique id ({@code [question:Q]},
     * {@code [task:T]}); empty when it holds no item of that kind and value.
     */
    Optional<BenchDescriptor> item(UniqueId.Segment segment) {
        return Optional.empty();
    }

    /** A node of this engine's tree: every descriptor below the engine is one. */
    static BenchDescriptor of(TestDescriptor descriptor) {
        return (BenchDescriptor) descriptor;
    }

    /** The node a resolver adds children to; empty for the engine itself, which only holds models. */
    static Optional<BenchDescriptor> below(TestDescriptor parent) {
        return parent.isRoot() ? Optional.empty() : Optional.of(of(parent));
    }
}
