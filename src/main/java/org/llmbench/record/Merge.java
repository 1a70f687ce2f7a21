package org.llmbench.record;

/** A merged run's origin ({@link RunEvent.RunStart}): the run group its shards shared and how many were merged. */
public record Merge(String runGroup, int mergedShards) {
}
