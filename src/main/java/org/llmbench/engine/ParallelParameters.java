package org.llmbench.engine;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.ConfigurationParameters;
import org.llmbench.config.ParallelKeys;

/**
 * The fork-join executor's strategy settings ({@code strategy}, {@code fixed.parallelism}, ...) as JUnit's
 * executor reads them: under {@code bench.execution.parallel.config.}, or the old prefix
 * {@code llm-bench.execution.parallel.config.} (see {@link ParallelKeys}).
 */
final class ParallelParameters implements ConfigurationParameters {

    private final ConfigurationParameters all;

    ParallelParameters(ConfigurationParameters all) {
        this.all = all;
    }

    @Override
    public Optional<String> get(String key) {
        return ParallelKeys.config(all::get).apply(key);
    }

    @Override
    public Optional<Boolean> getBoolean(String key) {
        return get(key).map(v -> Boolean.parseBoolean(v.trim()));
    }

    @Override
    @SuppressWarnings("deprecation")
    public int size() {
        return keySet().size();
    }

    @Override
    public Set<String> keySet() {
        return all.keySet().stream()
                .filter(k -> k.startsWith(ParallelKeys.CONFIG_PREFIX) || k.startsWith(ParallelKeys.OLD_CONFIG_PREFIX))
                .map(k -> k.startsWith(ParallelKeys.CONFIG_PREFIX) ? k.substring(ParallelKeys.CONFIG_PREFIX.length())
                        : k.substring(ParallelKeys.OLD_CONFIG_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
