package org.llmbench.config;

/** A configuration value that could not be used: the key, where it came from, and why. */
public record ConfigProblem(String key, String source, String reason, boolean fatal) {

    @Override
    public String toString() {
        return "configuration " + key + " (from " + source + "): " + reason;
    }
}
