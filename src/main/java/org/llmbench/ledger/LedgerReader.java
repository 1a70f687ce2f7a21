package org.llmbench.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Streams the events of a run.jsonl one line at a time, so no run is ever held in memory whole. */
public final class LedgerReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LedgerReader() {
    }

    /** Calls {@code consumer} with each event; a line that does not parse (a torn last line) is skipped. */
    public static void forEach(Path ledger, Consumer<JsonNode> consumer) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(ledger, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = MAPPER.readTree(line);
                } catch (IOException e) {
                    continue;
                }
                if (node != null && node.isObject()) {
                    consumer.accept(node);
                }
            }
        }
    }

    /** Cuts a torn last line (a run killed mid-write) so that appending continues on a line boundary. */
    static void truncateTornTail(Path ledger) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(ledger.toFile(), "rw")) {
            long length = file.length();
            long keep = length;
            while (keep > 0) {
                file.seek(keep - 1);
                if (file.read() == '\n') {
                    break;
                }
                keep--;
            }
            if (keep != length) {
                file.setLength(keep);
            }
        }
    }
}
