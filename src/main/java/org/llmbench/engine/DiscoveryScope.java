package org.llmbench.engine;

import org.junit.platform.engine.UniqueId;
import org.llmbench.config.BenchConfig;

/** What the selector resolvers of one discovery share: the configuration, the suite catalog and the engine id. */
record DiscoveryScope(BenchConfig config, SuiteCatalog catalog, UniqueId engineId) {

    UniqueId modelId(String model) {
        return engineId.append(ModelDescriptor.SEGMENT, model);
    }
}
