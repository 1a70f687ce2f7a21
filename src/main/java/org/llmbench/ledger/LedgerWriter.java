package org.llmbench.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Appends JSON lines to run.jsonl. Each line is written whole and flushed at once, so a killed run leaves
 * only whole lines (a torn last line is cut off on resume, see {@link LedgerReader}).
 */
final class LedgerWriter implements AutoCloseable {

    /** Version of the ledger line format; every line carries it. */
    static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final Writer out;

    LedgerWriter(Path file) {
        this.file = file;
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ledger " + file, e);
        }
    }

    /** A new event object with the fields every line has. */
    static ObjectNode event(String type) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("schema_version", SCHEMA_VERSION);
        node.put("event", type);
        node.put("ts", Instant.now().toString());
        return node;
    }

    synchronized void append(ObjectNode event) {
        try {
            out.write(MAPPER.writeValueAsString(event));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the ledger " + file, e);
        }
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the ledger " + file, e);
        }
    }
}
