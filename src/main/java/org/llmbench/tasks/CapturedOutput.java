package org.llmbench.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The first {@code cap} bytes of a sandboxed child's output file, and whether there was more. */
record CapturedOutput(String text, boolean truncated) {

    static CapturedOutput read(Path file, int cap) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] kept = in.readNBytes(cap);
            return new CapturedOutput(new String(kept, StandardCharsets.UTF_8), in.read() >= 0);
        }
    }
}
