package org.llmbench.config;

/**
 * A configuration value that could not be used: the key, where it came from, and why.
 *
 * @param at where in the config file the value is, as {@code FILE:LINE: FIELD}; null when it did not come from a file
 */
public record ConfigProblem(String key, String source, String reason, boolean fatal, String at) {

    /** A problem with a value that did not come from the config file (a parameter, a default, a replayed run). */
    public ConfigProblem(String key, String source, String reason, boolean fatal) {
        this(key, source, reason, fatal, null);
    }

    @Override
    public String toString() {
        return at != null ? at + ": " + reason : "configuration " + key + " (from " + source + "): " + reason;
    }
}
