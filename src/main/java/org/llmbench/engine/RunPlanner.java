package org.llmbench.engine;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.PlannedRun;

/**
 * Gathers what a run plans from its tree as discovered: each node adds its own part ({@link BenchDescriptor#plan});
 * what every node shows in its unique id (its suite, whether it is a test) is read here.
 */
final class RunPlanner {

    private final Set<String> models = new LinkedHashSet<>();
    private final Set<String> suites = new LinkedHashSet<>();
    private final Map<String, PlannedRun.PhaseLanes> lanes = new LinkedHashMap<>();
    private final Map<String, List<String>> sandboxLayers = new LinkedHashMap<>();
    private final Map<String, String> suiteVersions = new java.util.TreeMap<>();
    private final BenchConfig config;
    private long tests;
    private long atRunTime;

    private RunPlanner(BenchConfig config) {
        this.config = config;
    }

    /** The plan of the tree below {@code engine}; {@code shard} is null for a whole run. */
    static PlannedRun plan(TestDescriptor engine, BenchConfig config, PlannedRun.ShardPlan shard) {
        RunPlanner planner = new RunPlanner(config);
        for (TestDescriptor d : engine.getDescendants()) {
            UniqueId id = d.getUniqueId();
            id.getSegments().stream().filter(s -> s.getType().equals(Segments.SUITE)).forEach(s -> planner.suites.add(s.getValue()));
            BenchDescriptor.of(d).plan(planner);
            if (id.getLastSegment().getType().equals(Segments.SUITE)) {
                planner.lanes.putIfAbsent(id.getLastSegment().getValue(), new PlannedRun.PhaseLanes(1, "one question at a time"));
            }
            planner.tests += d.isTest() ? 1 : 0;
        }
        String runId = config.runId() != null ? config.runId() : UUID.randomUUID().toString();
        return new PlannedRun(config, runId, List.copyOf(planner.models), List.copyOf(planner.suites), planner.lanes,
                planner.tests + planner.atRunTime, planner.sandboxLayers, shard, planner.atRunTime, planner.suiteVersions);
    }

    BenchConfig config() {
        return config;
    }

    void models(List<String> names) {
        models.addAll(names);
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

    /** Tests a phase registers only as it runs (the turns of a conversation), counted at their most. */
    void atRunTime(long count) {
        atRunTime += count;
    }

    /** A code task's sandbox layers, found once per task id (every model runs the same task). */
    void sandboxLayers(String taskId, java.util.function.Supplier<List<String>> layers) {
        if (!sandboxLayers.containsKey(taskId)) {
            java.util.Optional.ofNullable(layers.get()).ifPresent(l -> sandboxLayers.put(taskId, l));
        }
    }
}
