package org.llmbench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a suite's questions are sent, from its top-level {@code run_mode} field: one call per question in order
 * ({@code sequential}, the default), concurrently in lanes on one model or on several, appended to one growing
 * conversation, or all in one prompt.
 */
public enum RunMode {
    SEQUENTIAL, PARALLEL_SAME, PARALLEL_MIXED, APPEND, WHOLE_SUITE;

    /** The suite-file field that names the mode. */
    public static final String FIELD = "run_mode";

    /** The name used in suite files, e.g. {@code parallel_same}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether questions of this mode run concurrently in lanes. */
    public boolean parallel() {
        return this == PARALLEL_SAME || this == PARALLEL_MIXED;
    }

    public static Optional<RunMode> fromWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName().equals(name)).findFirst();
    }

    /** The mode of a loaded (hence validated) suite. */
    public static RunMode of(Suite suite) {
        JsonNode node = suite.extra().get(FIELD);
        return node == null || !node.isTextual() ? SEQUENTIAL : fromWireName(node.asText()).orElse(SEQUENTIAL);
    }
}
