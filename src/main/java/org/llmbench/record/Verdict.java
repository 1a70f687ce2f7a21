package org.llmbench.record;

/** One method's reading in {@link Methods}: its score (0-100) and what it read from the answer (null when nothing to show). */
public record Verdict(String method, double score, String read) {
}
