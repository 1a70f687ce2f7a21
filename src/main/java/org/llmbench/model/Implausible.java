package org.llmbench.model;

/**
 * A figure a server reported (or one derived from it) that cannot be true, kept apart from the call's figures: it
 * is never stored as a token count, a timing or a speed, and never shown as one.
 *
 * @param figure the ledger field it would have been ({@code completion_tokens}, {@code server_timings.predicted_per_second})
 * @param raw the value as received, as text
 * @param why the physical bound it breaks
 */
public record Implausible(String figure, String raw, String why) {
}
