package org.llmbench.record;

import java.util.Locale;

/** How a test ended, as JUnit says it and the ledger writes it in lower case. */
public enum TestStatus {
    SUCCESSFUL, FAILED, ABORTED;

    /** The name in the ledger: {@code successful}, {@code failed}, {@code aborted}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of a ledger name; IllegalArgumentException for anything else. */
    public static TestStatus ofWireName(String name) {
        for (TestStatus s : values()) {
            if (s.wireName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a test status: '" + name + "' (successful, failed or aborted)");
    }
}
