package org.llmbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What a replay run takes from its ledger when not told otherwise, and the checks of a replay setting. */
final class ReplayDefaults {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReplayDefaults() {
    }

    /** The models of the ledger's first run_start line as a comma list, or {@code mock} when it names none. */
    static String models(Path ledger) {
        try (BufferedReader reader = Files.newBufferedReader(ledger, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode e = line.isBlank() ? null : MAPPER.readTree(line);
                if (e != null && "run_start".equals(e.path("event").asText()) && e.path("models").size() > 0) {
                    StringBuilder sb = new StringBuilder();
                    e.path("models").forEach(m -> sb.append(sb.length() == 0 ? "" : ",").append(m.asText()));
                    return sb.toString();
                }
            }
        } catch (IOException e) {
            // An unreadable ledger is reported by check(); the default keeps loading going.
        }
        return "mock";
    }

    /** Why a provider and replay path do not go together, if they do not. */
    static Optional<String> check(Provider provider, String replay) {
        if (provider == Provider.REPLAY && replay == null) {
            return Optional.of("provider replay needs " + Constants.REPLAY + " (the run.jsonl to answer from)");
        }
        if (replay == null) {
            return Optional.empty();
        }
        if (provider != Provider.REPLAY) {
            return Optional.of(Constants.REPLAY + " is set, so the provider must be replay, not " + provider);
        }
        if (!Files.isRegularFile(Path.of(replay))) {
            return Optional.of("'" + replay + "' is not a readable run.jsonl");
        }
        return Optional.empty();
    }
}
