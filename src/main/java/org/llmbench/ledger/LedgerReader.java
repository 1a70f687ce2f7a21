package org.llmbench.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Streams the lines of a run.jsonl as JSON trees, for the reports that still read the ledger by field name; new
 * readers use {@link org.llmbench.record.RecordReader}'s typed events.
 */
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
}
