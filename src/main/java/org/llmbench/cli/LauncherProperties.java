package org.llmbench.cli;

import java.util.List;
import java.util.Map;

/**
 * Parameters that JUnit's launcher and Allure read only from system properties, never from a discovery
 * request: given as {@code -D KEY=VALUE} on the command line, they become system properties of this (one-shot)
 * process before the launcher is built, so {@code -D junit.platform.execution.listeners.deactivate=io.qameta.allure.*}
 * works as it does as a JVM option.
 */
final class LauncherProperties {

    static final List<String> KEYS = List.of("junit.platform.execution.listeners.deactivate", "allure.results.directory");

    private LauncherProperties() {
    }

    /** Sets the launcher-only keys present in {@code parameters} as system properties. */
    static void apply(Map<String, String> parameters) {
        for (String key : KEYS) {
            String value = parameters.get(key);
            if (value != null) {
                System.setProperty(key, value);
            }
        }
    }
}
