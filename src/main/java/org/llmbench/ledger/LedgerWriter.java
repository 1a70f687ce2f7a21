package org.llmbench.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Appends JSON lines to run.jsonl. Each line (with its newline) goes to the file in one write call on an
 * append-only channel, with no buffer in between, so a killed run leaves only whole lines; a torn last line
 * (power loss) is cut off on resume, see {@link LedgerReader}.
 */
final class LedgerWriter implements AutoCloseable {

    /** Version of the ledger line format; every line carries it. */
    static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final FileChannel out;

    LedgerWriter(Path file) {
        this.file = file;
        try {
            this.out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
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
            byte[] json = MAPPER.writeValueAsBytes(event);
            ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
            while (line.hasRemaining()) {
                out.write(line);
            }
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
