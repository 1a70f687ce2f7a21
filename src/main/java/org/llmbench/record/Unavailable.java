package org.llmbench.record;

/** A footprint source that gave nothing, and why (no counter, not readable, remote server...). */
public record Unavailable(String source, String reason) {
}
