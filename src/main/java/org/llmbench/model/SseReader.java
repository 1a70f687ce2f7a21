package org.llmbench.model;

import java.io.IOException;

/**
 * Server-sent events as OpenAI-compatible servers send them: the {@code data:} payload of each event
 * (several data lines joined by newlines); comments, {@code event:}, {@code id:} and {@code retry:} lines are skipped.
 */
final class SseReader {

    static final String DONE = "[DONE]";

    private final BodyLines lines;

    SseReader(BodyLines lines) {
        this.lines = lines;
    }

    /** The next event's data, or null when the body ends. */
    String next() throws IOException, CallFailure {
        StringBuilder data = null;
        String line;
        while ((line = lines.next()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return data.toString();
                }
                continue;
            }
            if (line.startsWith("data:")) {
                String value = line.substring(5);
                value = value.startsWith(" ") ? value.substring(1) : value;
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        return data == null ? null : data.toString();
    }
}
