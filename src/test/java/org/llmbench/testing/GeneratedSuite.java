package org.llmbench.testing;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a suite of N cheap questions (json_dict with one marker), streamed, for scale and crash tests. */
public final class GeneratedSuite {

    private GeneratedSuite() {
    }

    /** Writes {@code <dir>/<id>.json} with {@code count} questions G000001... and returns its path. */
    public static Path write(Path dir, String id, int count) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(id + ".json");
        try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("suite_name", id);
            g.writeStringField("version", "1");
            g.writeStringField("purpose", "generated for scale tests");
            g.writeArrayFieldStart("questions");
            for (int i = 1; i <= count; i++) {
                g.writeStartObject();
                g.writeStringField("id", String.format("G%06d", i));
                g.writeStringField("prompt", "Return a JSON object whose key \"n\" holds the number " + i + ".");
                g.writeArrayFieldStart("required_markers");
                g.writeString("\"n\"");
                g.writeEndArray();
                g.writeStringField("format_rule", "json_dict");
                g.writeStringField("reference_answer", "{\"n\": " + i + "}");
                g.writeEndObject();
                g.writeRaw('\n');
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return file;
    }
}
