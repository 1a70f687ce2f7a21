package org.llmbench.engine;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.PlannedRun;

/**
 * The parts of a run's plan as its tree adds them, each node its own: it knows no descriptor, so the base of every
 * node can name it while the walk that asks the nodes ({@link RunPlanner}) names the base, and no class names one
 * that names it back.
 */
final class PlanParts {

    private final BenchConfig config;
    private final Set<String> models = new LinkedHashSet<>();
    private final Set<String> suites = new LinkedHashSet<>();
    private final Map<String, PlannedRun.PhaseLanes> lanes = new LinkedHashMap<>();
    private final Map<String, List<String>> sandboxLayers = new LinkedHashMap<>();
    private final Map<String, String> suiteVersions = new TreeMap<>();
    private long tests;
    private long atRunTime;

    PlanParts(BenchConfig config) {
        this.config = config;
    }

    BenchConfig config() {
        return config;
    }

    void models(List<String> names) {
        models.addAll(names);
    }

    /** A phase named in a unique id: it runs one question at a time unless its node plans lanes. */
    void suite(String suiteId) {
        suites.add(suiteId);
        lanes.putIfAbsent(suiteId, new PlannedRun.PhaseLanes(1, "one question at a time"));
    }

    /** A suite file's version, when it declares one. */
    void suiteVersion(String suiteId, String version) {
        if (version != null) {
            suiteVersions.put(suiteId, version);
        }
    }

    void lanes(String suiteId, int count, String source) {
        lanes.put(suiteId, new PlannedRun.PhaseLanes(count, source));
    }

    /** A test known at discovery. */
    void test() {
        tests++;
    }

    /** Tests a phase registers only as it runs (the turns of a conversation), counted at their most. */
    void atRunTime(long count) {
        atRunTime += count;
    }

    /** A code task's sandbox layers, found once per task id (every model runs the same task). */
    void sandboxLayers(String taskId, Supplier<List<String>> layers) {
        if (!sandboxLayers.containsKey(taskId)) {
            Optional.ofNullable(layers.get()).ifPresent(l -> sandboxLayers.put(taskId, l));
        }
    }

    /** The plan these parts make; {@code shard} is null for a whole run. */
    PlannedRun plannedRun(String runId, PlannedRun.ShardPlan shard) {
        return new PlannedRun(config, runId, List.copyOf(models), List.copyOf(suites), lanes, tests + atRunTime,
                sandboxLayers, shard, atRunTime, suiteVersions);
    }
}
