package org.llmbench.record;

import java.util.Locale;

/** What one check of a score found, as the ledger writes it: passed, failed, or could not be checked here. */
public enum CheckStatus {
    PASSED, FAILED, UNAVAILABLE;

    /** The name in the ledger: {@code passed}, {@code failed}, {@code unavailable}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of a ledger name; IllegalArgumentException for anything else. */
    public static CheckStatus ofWireName(String name) {
        for (CheckStatus s : values()) {
            if (s.wireName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a check status: '" + name + "' (passed, failed or unavailable)");
    }
}
