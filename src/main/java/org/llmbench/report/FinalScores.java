package org.llmbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.llmbench.ledger.LedgerReader;

/**
 * Streams each test's final outcome from a ledger in two passes: the first counts each test's scores (a
 * resumed run may score a test twice), the second hands over the last score with the call before it. Tests
 * whose last call has no score (not replayable, or killed mid-test) follow at the end with a null score.
 * Only calls awaiting their score are held, never the whole run.
 */
final class FinalScores {

    /** Receives one test's final score (null when it has none) and the call that led to it (may be null). */
    @FunctionalInterface
    interface Visitor {
        void accept(JsonNode score, JsonNode call);
    }

    private FinalScores() {
    }

    static void forEach(Path ledger, Visitor visitor) throws IOException {
        Map<String, Integer> scoreCount = new HashMap<>();
        LedgerReader.forEach(ledger, e -> {
            if ("score".equals(e.path("event").asText())) {
                scoreCount.merge(e.path("test_id").asText(), 1, Integer::sum);
            }
        });
        Map<String, JsonNode> pendingCalls = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        LedgerReader.forEach(ledger, e -> {
            String id = e.path("test_id").asText();
            switch (e.path("event").asText()) {
                case "call" -> pendingCalls.put(id, e);
                case "score" -> {
                    JsonNode call = pendingCalls.remove(id);
                    if (seen.merge(id, 1, Integer::sum).equals(scoreCount.get(id))) {
                        visitor.accept(e, call);
                    }
                }
                default -> { }
            }
        });
        pendingCalls.forEach((id, call) -> {
            if (!scoreCount.containsKey(id)) {
                visitor.accept(null, call);
            }
        });
    }
}
