package org.llmbench.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.llmbench.json.Json;

/**
 * Where each value of a JSON document starts (1-based line), by JSON Pointer. A tree model forgets
 * positions; the streaming parser knows them, so messages can name the line of a bad field.
 */
public final class JsonPositions {

    private final Map<String, Integer> lines = new HashMap<>();

    private JsonPositions() {
    }

    /** Positions of every value in {@code json}; lines are counted from {@code firstLine}. */
    public static JsonPositions of(String json, int firstLine) {
        JsonPositions positions = new JsonPositions();
        try (JsonParser parser = Json.MAPPER.createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonPointer pointer = parser.getParsingContext().pathAsPointer();
                positions.lines.putIfAbsent(pointer.toString(), parser.currentTokenLocation().getLineNr() + firstLine - 1);
            }
        } catch (IOException e) {
            // A document that stops parsing keeps the positions read so far; the caller reports the syntax error.
        }
        return positions;
    }

    /** The line of the value at {@code pointer}, or of its nearest ancestor that exists; 1 if none. */
    public int line(String pointer) {
        JsonPointer p = JsonPointer.compile(pointer.isEmpty() || pointer.startsWith("/") ? pointer : "/" + pointer);
        while (p != null) {
            Integer line = lines.get(p.toString());
            if (line != null) {
                return line;
            }
            p = p.head();
        }
        return 1;
    }
}
