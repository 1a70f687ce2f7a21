package org.llmbench.model;

/**
 * Gaps between streamed output tokens, counted per token: a chunk holding n tokens spreads the gap before
 * it over those n tokens, so servers that batch tokens into chunks are comparable with those that do not.
 *
 * @param tokens how many per-token gaps were measured (output tokens after the first chunk)
 */
public record TokenGaps(int tokens, double p50Ms, double p90Ms, double maxMs) {
}
