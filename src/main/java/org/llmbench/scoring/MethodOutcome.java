package org.llmbench.scoring;

import java.util.List;

/**
 * One method's checks of an answer and what it read from it.
 *
 * @param read what the method took from the answer, or null
 */
record MethodOutcome(List<Check> checks, String read) {

    MethodOutcome {
        checks = List.copyOf(checks);
    }
}
