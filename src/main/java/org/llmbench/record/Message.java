package org.llmbench.record;

/** One message of a {@link RunEvent.Call}'s prompt. */
public record Message(String role, String content) {
}
