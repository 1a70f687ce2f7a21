package org.llmbench.record;

import java.nio.file.Path;

/**
 * A line of a run.jsonl that could not be read as an event, or was read with something left over.
 *
 * @param line 1-based line number
 * @param field the field at fault, or null when the line as a whole is
 * @param tornTail whether it is an unfinished last line (a run killed mid-write), which resume cuts off
 */
public record LineProblem(Path file, long line, String field, String message, boolean tornTail) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + (field == null ? "" : field + ": ") + message;
    }
}
