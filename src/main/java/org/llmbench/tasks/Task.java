package org.llmbench.tasks;

import java.util.Optional;

/**
 * One generated task: its stable id (e.g. {@code code_fix-java-01}), its prompt, its reference answer and its
 * grader, all derived from the seed.
 *
 * @param body what is asked, the same in both answer modes
 * @param strictHint where each part of the answer goes in the strict-JSON envelope
 * @param freeHint how to lay out a free-text answer so the same facts can be read from it
 * @param generator the class that generated it, where an IDE navigates to
 * @param unavailableReason why the task cannot run on this machine (e.g. no python3), or null
 */
public record Task(String id, TaskKind kind, String body, String strictHint, String freeHint, Reference reference,
                   Grader grader, Class<?> generator, String unavailableReason) {

    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailableReason);
    }
}
