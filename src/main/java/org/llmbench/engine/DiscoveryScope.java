package org.llmbench.engine;

import java.util.LinkedHashSet;
import java.util.List;
import org.junit.platform.engine.UniqueId;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.ModelGroup;
import org.llmbench.suite.RunMode;
import org.llmbench.suite.SuiteOrigin;

/** What the selector resolvers of one discovery share: the configuration, the suite catalog and the engine id. */
record DiscoveryScope(BenchConfig config, SuiteCatalog catalog, UniqueId engineId) {

    UniqueId modelId(String model) {
        return engineId.append(Segments.MODEL, model);
    }

    /**
     * The model containers a suite goes under: one per model, except mixed lanes, whose one container is the
     * group of all models ({@code [model:a,b]}; a model name never holds a comma, bench.model splits on it).
     */
    List<String> containersFor(SuiteOrigin origin) {
        SuiteCatalog.Loaded loaded = catalog.load(origin);
        if (loaded.suite() != null && RunMode.of(loaded.suite()) == RunMode.PARALLEL_MIXED && config.models().size() > 1) {
            return List.of(new ModelGroup(config.models()).segmentValue());
        }
        return config.models();
    }

    /**
     * Whether a suite belongs under a model container: grouped suites under their group only, the others under
     * any single model (also one named by a unique id but absent from bench.model).
     */
    boolean belongsUnder(SuiteOrigin origin, String container) {
        List<String> containers = containersFor(origin);
        boolean grouped = containers.size() == 1 && ModelGroup.isGroup(containers.get(0));
        return grouped ? containers.get(0).equals(container) : !ModelGroup.isGroup(container);
    }

    /** The model containers of several suites, models first, in order. */
    List<String> containersFor(List<SuiteOrigin> origins) {
        LinkedHashSet<String> containers = new LinkedHashSet<>(config.models());
        origins.forEach(o -> containers.addAll(containersFor(o)));
        return List.copyOf(containers);
    }
}
