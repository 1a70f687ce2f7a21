package org.llmbench.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** Newline-delimited JSON as Ollama streams it: one JSON object per line; blank lines are skipped. */
final class NdjsonReader {

    private final BodyLines lines;

    NdjsonReader(BodyLines lines) {
        this.lines = lines;
    }

    /** The next object, or null when the body ends. */
    JsonNode next() throws IOException, CallFailure {
        String line = nextLine();
        return line == null ? null : parse(line);
    }

    /** The next non-blank line as it came, or null when the body ends; {@link #parse} makes it an object. */
    String nextLine() throws IOException, CallFailure {
        String line;
        while ((line = lines.next()) != null) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return null;
    }

    static JsonNode parse(String line) throws CallFailure {
        return WireJson.object(line, "stream line");
    }
}
