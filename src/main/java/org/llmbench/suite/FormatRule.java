package org.llmbench.suite;

import java.util.Arrays;
import java.util.Optional;

/** The answer shapes a question can require (SPEC section 7); the scoring package checks them. */
public enum FormatRule {
    BASH_CODE, PYTHON_CODE, SHELL_LINES, FOUR_NUMBERED_STEPS, FIVE_BULLETS, JSON_DICT, PYTEST_CODE;

    /** The name used in suite files, e.g. {@code four_numbered_steps}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The rule with this suite-file name, if any. */
    public static Optional<FormatRule> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(name)).findFirst();
    }
}
