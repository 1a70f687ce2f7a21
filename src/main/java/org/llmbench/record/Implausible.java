package org.llmbench.record;

/**
 * A figure the server reported that cannot be true, with its raw value (in a {@link RunEvent.Call}).
 *
 * @param figure the ledger field it would have been
 * @param why the physical bound it breaks
 */
public record Implausible(String figure, String raw, String why) {
}
