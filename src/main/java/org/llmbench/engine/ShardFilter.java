package org.llmbench.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestDescriptor;
import org.llmbench.config.Shard;

/**
 * Applies {@code bench.shard=i/n} after resolution (as {@link QuestionFilter} applies {@code bench.question}):
 * keeps the units whose hash falls in part i and removes the rest, so n machines with the same settings run
 * disjoint parts whose union is the whole run.
 *
 * <p>A unit is what must run in one process, as each node says ({@link BenchDescriptor#isShardUnit}): an append
 * conversation (each turn's prompt holds the answers before it), a parallel phase (its lanes are measured together),
 * a whole-suite phase (one call), and otherwise a single test (a generated task is one test with its attempts). The part of a unit is the first 8 bytes of the SHA-256 of
 * its unique id in UTF-8, as an unsigned number, modulo n: the same on every machine and JDK.
 */
final class ShardFilter {

    /** The tree after sharding: the unit ids this part runs, and those of the whole run, in tree order. */
    record Sharded(List<String> unitIds, List<String> wholeRunUnitIds) {
    }

    private ShardFilter() {
    }

    /** Removes what other shards run; returns the unit ids of every shard (the whole run), in tree order. */
    static Optional<Sharded> apply(TestDescriptor engine, Shard shard) {
        if (shard == null) {
            return Optional.empty();
        }
        List<TestDescriptor> units = units(engine);
        List<String> all = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<TestDescriptor> others = new ArrayList<>();
        for (TestDescriptor unit : units) {
            String id = unit.getUniqueId().toString();
            all.add(id);
            if (partOf(id, shard.count()) == shard.index()) {
                kept.add(id);
            } else {
                others.add(unit);
            }
        }
        for (TestDescriptor unit : others) {
            Optional<TestDescriptor> parent = unit.getParent();
            unit.removeFromHierarchy();
            // Only containers this filter emptied go: a broken suite (a container with no tests) stays where it fell.
            while (parent.isPresent() && !parent.get().isRoot() && parent.get().getChildren().isEmpty()) {
                TestDescriptor empty = parent.get();
                parent = empty.getParent();
                empty.removeFromHierarchy();
            }
        }
        return Optional.of(new Sharded(List.copyOf(kept), List.copyOf(all)));
    }

    /** The units of a tree, in tree order. */
    static List<TestDescriptor> units(TestDescriptor root) {
        List<TestDescriptor> units = new ArrayList<>();
        collect(root, units);
        return units;
    }

    private static void collect(TestDescriptor d, List<TestDescriptor> units) {
        if (!d.isRoot() && BenchDescriptor.of(d).isShardUnit()) {
            units.add(d);
            return;
        }
        for (TestDescriptor child : new ArrayList<>(d.getChildren())) {
            collect(child, units);
        }
    }

    /** The 1-based part of n that a unit id falls in. */
    static int partOf(String unitId, int count) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(unitId.getBytes(StandardCharsets.UTF_8));
            long first = 0;
            for (int i = 0; i < 8; i++) {
                first = (first << 8) | (digest[i] & 0xff);
            }
            return (int) Long.remainderUnsigned(first, count) + 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
