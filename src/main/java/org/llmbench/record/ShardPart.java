package org.llmbench.record;

/**
 * Which part of a run a shard's process runs ({@link RunEvent.RunStart}).
 *
 * @param shard {@code i/n}
 * @param units how many units (tests, or containers that run whole) this shard runs
 * @param runUnitsPlanned how many units the whole run has
 */
public record ShardPart(String shard, String runGroup, int units, int runUnitsPlanned) {
}
