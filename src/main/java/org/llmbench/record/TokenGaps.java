package org.llmbench.record;

/**
 * Gaps between a {@link RunEvent.Call}'s streamed tokens, per token.
 *
 * @param tokens how many per-token gaps were measured
 */
public record TokenGaps(int tokens, double p50Ms, double p90Ms, double maxMs) {
}
