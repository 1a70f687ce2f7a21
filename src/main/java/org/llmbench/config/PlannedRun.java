package org.llmbench.config;

import java.util.List;
import java.util.Map;

/**
 * What the engine resolved for one run before it starts: the settings (with {@code auto} already expanded to the
 * server's models and the client's lanes), the run id, the models and suites of the discovered tree, the lanes
 * each phase runs, and how many tests are planned. The manifest and run_start record exactly this.
 *
 * @param testsPlanned every test the run may run: those discovered plus the most an append phase can add as it
 *                     runs (one turn per question; it stops early when the context is full)
 * @param testsAtRunTime how many of {@code testsPlanned} are those turns, registered only when they run
 * @param models single models only; a mixed-lanes group container {@code a,b} is not a model
 * @param sandboxLayers per code task, the sandbox layers this machine puts around the model's code
 * @param shard what part of a run split across machines this is; null for a whole run
 * @param suiteVersions each suite file's declared version, by suite id (suites that declare none are absent)
 */
public record PlannedRun(BenchConfig config, String runId, List<String> models, List<String> suites,
                         Map<String, PhaseLanes> phaseLanes, long testsPlanned, Map<String, List<String>> sandboxLayers,
                         ShardPlan shard, long testsAtRunTime, Map<String, String> suiteVersions) {

    /**
     * A shard's part of the run: which part, the id its shards share, the units (tests, or the containers that run
     * whole) it runs and those of the whole run, so that {@code report merge} can name a missing or doubled one.
     */
    public record ShardPlan(Shard shard, String runGroup, List<String> units, List<String> runUnits) {
        public ShardPlan {
            units = List.copyOf(units);
            runUnits = List.copyOf(runUnits);
        }
    }

    /** A whole run, not a shard. */
    public PlannedRun(BenchConfig config, String runId, List<String> models, List<String> suites,
                      Map<String, PhaseLanes> phaseLanes, long testsPlanned, Map<String, List<String>> sandboxLayers) {
        this(config, runId, models, suites, phaseLanes, testsPlanned, sandboxLayers, null, 0, Map.of());
    }

    /** The lanes one phase runs (1 for a phase that asks one question at a time), and where that number came from. */
    public record PhaseLanes(int lanes, String source) {
    }

    public PlannedRun {
        models = List.copyOf(models);
        suites = List.copyOf(suites);
        phaseLanes = Map.copyOf(phaseLanes);
        sandboxLayers = Map.copyOf(sandboxLayers);
        suiteVersions = Map.copyOf(suiteVersions);
    }
}
