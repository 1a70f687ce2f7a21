package org.llmbench.ledger;

import java.util.List;
import java.util.Map;
import org.llmbench.config.BenchConfig;

/**
 * What the engine resolved for one run before it starts: the settings (with {@code auto} already expanded to the
 * server's models and the client's lanes), the run id, the models and suites of the discovered tree, the lanes
 * each parallel phase runs, and how many tests are planned. The manifest and run_start record exactly this.
 *
 * @param models single models only; a mixed-lanes group container {@code a,b} is not a model
 * @param sandboxLayers per code task, the sandbox layers this machine puts around the model's code
 */
public record PlannedRun(BenchConfig config, String runId, List<String> models, List<String> suites,
                         Map<String, PhaseLanes> phaseLanes, long testsPlanned, Map<String, List<String>> sandboxLayers) {

    /** The lanes one parallel phase runs, and where that number came from. */
    public record PhaseLanes(int lanes, String source) {
    }

    public PlannedRun {
        models = List.copyOf(models);
        suites = List.copyOf(suites);
        phaseLanes = Map.copyOf(phaseLanes);
        sandboxLayers = Map.copyOf(sandboxLayers);
    }
}
