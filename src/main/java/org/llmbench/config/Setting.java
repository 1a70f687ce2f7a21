package org.llmbench.config;

/** One effective setting of a run as text, and where it came from ({@link BenchConfig#effective()}). */
public record Setting(String value, Source source) {
}
