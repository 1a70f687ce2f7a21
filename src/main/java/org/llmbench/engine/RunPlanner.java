package org.llmbench.engine;

import java.util.UUID;
import org.junit.platform.engine.TestDescriptor;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.PlannedRun;

/**
 * Plans a run from its tree as discovered: each node adds its own part ({@link BenchDescriptor#plan}); what every
 * node shows in its unique id (the phases it is in, whether it is a test) is read here.
 */
final class RunPlanner {

    private RunPlanner() {
    }

    /** The plan of the tree below {@code engine}; {@code shard} is null for a whole run. */
    static PlannedRun plan(TestDescriptor engine, BenchConfig config, PlannedRun.ShardPlan shard) {
        PlanParts parts = new PlanParts(config);
        for (TestDescriptor d : engine.getDescendants()) {
            // a phase's own node comes before its items, so its lanes replace the default in the phase's place
            d.getUniqueId().getSegments().stream().filter(s -> s.getType().equals(Segments.SUITE))
                    .forEach(s -> parts.suite(s.getValue()));
            BenchDescriptor.of(d).plan(parts);
            if (d.isTest()) {
                parts.test();
            }
        }
        return parts.plannedRun(config.runId() != null ? config.runId() : UUID.randomUUID().toString(), shard);
    }
}
