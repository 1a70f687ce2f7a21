package org.llmbench.engine;

import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.ParallelKeys;

/**
 * What the parallel phases of a run need from the engine: an executor with at least as many threads as lanes
 * (switched on by selecting such a phase, no flag needed) and a client that lets that many calls through.
 */
final class LaneExecution {

    /** A fixed-size fork-join configuration, as JUnit's own {@code fixed} strategy builds it. */
    record Parallelism(int parallelism) implements ParallelExecutionConfiguration {
        @Override
        public int getParallelism() {
            return parallelism;
        }

        @Override
        public int getMinimumRunnable() {
            return parallelism;
        }

        @Override
        public int getMaxPoolSize() {
            return 256 + parallelism;
        }

        @Override
        public int getCorePoolSize() {
            return parallelism;
        }

        @Override
        public int getKeepAliveSeconds() {
            return 30;
        }
    }

    private LaneExecution() {
    }

    /** The most lanes any parallel phase in the tree runs; 0 when there is none. */
    static int lanes(TestDescriptor root) {
        return root.getDescendants().stream().mapToInt(d -> BenchDescriptor.of(d).lanes()).max().orElse(0);
    }

    /** The executor for a tree with parallel phases; empty when the tree has none. */
    static Optional<ForkJoinPoolHierarchicalTestExecutorService> executor(TestDescriptor root, ConfigurationParameters parameters) {
        int lanes = lanes(root);
        if (lanes == 0) {
            return Optional.empty();
        }
        int asked = ParallelKeys.config(parameters::get).apply("fixed.parallelism").map(LaneExecution::integer).orElse(0);
        return Optional.of(new ForkJoinPoolHierarchicalTestExecutorService(new Parallelism(Math.max(lanes, asked))));
    }

    /** The configuration the client is built from: bench.lanes, raised to the phases' lanes when not given. */
    static BenchConfig clientConfig(BenchConfig config, TestDescriptor root) {
        int lanes = lanes(root);
        if (config.lanesGiven() || lanes <= config.lanes()) {
            return config;
        }
        return config.withLanes(lanes, "lanes of the selected parallel phases");
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
