package org.llmbench.config;

import java.util.Optional;
import java.util.function.Function;

/**
 * The engine's own parallel-execution keys, read where JUnit's executor is built (before {@link BenchConfig}
 * exists for it): {@code bench.execution.parallel.enabled} and {@code bench.execution.parallel.config.*},
 * each still accepted under its old name {@code llm-bench.execution.parallel.*}. Takes a plain lookup so that
 * config does not depend on JUnit ({@code parameters::get} of {@code ConfigurationParameters} fits).
 */
public final class ParallelKeys {

    /** Prefix of the parallel keys. */
    public static final String PREFIX = "bench.execution.parallel.";
    /** Prefix of the executor's strategy keys ({@code strategy}, {@code fixed.parallelism}, ...). */
    public static final String CONFIG_PREFIX = PREFIX + "config.";
    /** The old prefix, still accepted. */
    public static final String OLD_PREFIX = "llm-bench.execution.parallel.";
    /** The old prefix of the strategy keys, still accepted. */
    public static final String OLD_CONFIG_PREFIX = OLD_PREFIX + "config.";

    private ParallelKeys() {
    }

    /** Whether every suite runs on the fork-join executor: the new name first, then the old; false when unset or not a boolean. */
    public static boolean enabled(Function<String, Optional<String>> parameters) {
        return lookup(parameters, BenchKeys.PARALLEL_ENABLED.name(), OLD_PREFIX + "enabled")
                .map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
    }

    /**
     * The executor's strategy settings by their name under the prefix ({@code fixed.parallelism}): the value
     * under {@code bench.execution.parallel.config.}, else under the old prefix.
     */
    public static Function<String, Optional<String>> config(Function<String, Optional<String>> parameters) {
        return suffix -> lookup(parameters, CONFIG_PREFIX + suffix, OLD_CONFIG_PREFIX + suffix);
    }

    private static Optional<String> lookup(Function<String, Optional<String>> parameters, String name, String oldName) {
        Optional<String> value = parameters.apply(name);
        return value.isPresent() ? value : parameters.apply(oldName);
    }
}
