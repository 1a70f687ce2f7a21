package org.llmbench.model;

import java.io.IOException;

/**
 * Server-sent events as OpenAI-compatible servers send them: the {@code data:} payload of each event
 * (several data lines joined by newlines); comments, {@code event:}, {@code id:} and {@code retry:} lines are skipped.
 * llama.cpp's server reports a failure after its 200 status line as an {@code error:} line holding a JSON object
 * (no {@code data:}, no {@code [DONE]}); such a line is returned at once and {@link #wasError()} says so.
 */
final class SseReader {

    static final String DONE = "[DONE]";

    private final BodyLines lines;
    private boolean error;

    SseReader(BodyLines lines) {
        this.lines = lines;
    }

    /** The next event's data, or null when the body ends. */
    String next() throws IOException, CallFailure {
        // One data line (every event a chat server sends) is returned as its own substring; a builder only
        // for the rare event of several, since this runs once per chunk inside the call's timed window.
        String first = null;
        StringBuilder more = null;
        error = false;
        String line;
        while ((line = lines.next()) != null) {
            if (line.startsWith("error:")) {
                error = true;
                return line.substring(6).strip();
            }
            if (line.isEmpty()) {
                if (first != null) {
                    return more == null ? first : more.toString();
                }
                continue;
            }
            if (line.startsWith("data:")) {
                String value = line.substring(line.startsWith("data: ") ? 6 : 5);
                if (first == null) {
                    first = value;
                } else {
                    more = (more == null ? new StringBuilder(first) : more).append('\n').append(value);
                }
            }
        }
        return first == null ? null : more == null ? first : more.toString();
    }

    /** Whether the text {@link #next()} returned last came from an {@code error:} line. */
    boolean wasError() {
        return error;
    }
}
