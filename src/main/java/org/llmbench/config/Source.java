package org.llmbench.config;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where an effective setting came from. Rendered ({@link #label()}) as the strings the manifest's
 * {@code effective_config} has always used ({@code parameter}, {@code config file PATH}, {@code default},
 * {@code inferred}, or the reason of a derived value), so its schema and readers stay as they are.
 */
public sealed interface Source {

    /** Given as a configuration parameter or system property under the key's own name. */
    Parameter PARAMETER = new Parameter(null);
    /** The key's declared default. */
    Default DEFAULT = new Default();
    /** Worked out from other settings (the provider from model, URL and replay). */
    Inferred INFERRED = new Inferred();

    /** The text written to the manifest and named in problems. */
    @JsonValue
    String label();

    /** Whether the user gave the value (a parameter or the config file), rather than a default or the engine. */
    default boolean given() {
        return this instanceof Parameter || this instanceof ConfigFile || this instanceof OverridesReplay;
    }

    /** A value given as a parameter; {@code oldName} is the deprecated alias it was given under, or null. */
    record Parameter(String oldName) implements Source {
        @Override
        public String label() {
            return oldName == null ? "parameter" : "parameter " + oldName + " (old name)";
        }
    }

    /** A replay's setting taken from the replayed run's manifest ({@code effective_config}) at {@code path}. */
    record Replayed(String path) implements Source {
        @Override
        public String label() {
            return "replayed run " + path;
        }
    }

    /** A parameter that overrides what the replayed run used ({@code replayedValue}), recorded as such. */
    record OverridesReplay(String replayedValue) implements Source {
        @Override
        public String label() {
            return "parameter, overriding the replayed run's " + replayedValue;
        }
    }

    /** A value read from the JSON config file at {@code path}. */
    record ConfigFile(String path) implements Source {
        @Override
        public String label() {
            return "config file " + path;
        }
    }

    /** The declared default. */
    record Default() implements Source {
        @Override
        public String label() {
            return "default";
        }
    }

    /** Inferred from other settings. */
    record Inferred() implements Source {
        @Override
        public String label() {
            return "inferred";
        }
    }

    /** Set by the engine after loading, for the reason given (e.g. "lanes of the selected parallel phases"). */
    record Derived(String reason) implements Source {
        @Override
        public String label() {
            return reason;
        }
    }
}
