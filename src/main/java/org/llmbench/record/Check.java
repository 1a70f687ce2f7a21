package org.llmbench.record;

/** One check of a {@link RunEvent.Score}. */
public record Check(String name, double weight, CheckStatus status, String reason) {
}
