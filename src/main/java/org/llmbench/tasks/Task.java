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
 * @param needsPython whether grading runs python3, which the machine may lack
 */
public record Task(String id, TaskKind kind, String body, String strictHint, String freeHint, Reference reference,
                   Grader grader, Class<?> generator, boolean needsPython) {

    /**
     * Why the task cannot run on this machine, if it cannot. Asked when the task is about to run, not when it is
     * generated: probing python3 starts a process, which listing or discovering tests should not wait for.
     */
    public Optional<String> unavailable() {
        return needsPython && !Toolchain.hasPython()
                ? Optional.of("python3 is not on the PATH: the Python variant is skipped") : Optional.empty();
    }
}
