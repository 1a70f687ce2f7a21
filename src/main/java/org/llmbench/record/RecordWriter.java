package org.llmbench.record;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends events to a run.jsonl. Each line (with its newline) goes to the file in one write call on an append-only
 * channel, with no buffer in between, so a killed run leaves only whole lines; a torn last line (power loss) is cut
 * off when the file is opened again.
 */
public final class RecordWriter implements AutoCloseable {

    private final Path file;
    private final FileChannel out;

    private RecordWriter(Path file) {
        this.file = file;
        try {
            this.out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ledger " + file, e);
        }
    }

    /** Opens {@code file} for appending (creating it), first cutting a torn last line so appending starts on a line. */
    public static RecordWriter append(Path file) throws IOException {
        if (Files.exists(file)) {
            truncateTornTail(file);
        }
        return new RecordWriter(file);
    }

    /** Writes one event as one line. */
    public synchronized void write(RunEvent event) {
        byte[] json = RecordCodec.encode(event).getBytes(StandardCharsets.UTF_8);
        ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        try {
            while (line.hasRemaining()) {
                out.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the ledger " + file, e);
        }
    }

    public Path file() {
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

    /** Cuts a torn last line (a run killed mid-write) so that appending continues on a line boundary. */
    static void truncateTornTail(Path ledger) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(ledger.toFile(), "rw")) {
            long length = f.length();
            long keep = length;
            // Read backwards in blocks: a last line can be megabytes long.
            byte[] block = new byte[8192];
            while (keep > 0) {
                int n = (int) Math.min(block.length, keep);
                f.seek(keep - n);
                f.readFully(block, 0, n);
                int i = n - 1;
                while (i >= 0 && block[i] != '\n') {
                    i--;
                }
                if (i >= 0) {
                    keep = keep - n + i + 1;
                    break;
                }
                keep -= n;
            }
            if (keep != length) {
                f.setLength(keep);
            }
        }
    }
}
