package org.llmbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.llmbench.config.JsonPositions;
import org.llmbench.json.Json;

/**
 * A report file of a run (results.json, metadata.json) held against the same file written by the re-scoring: every
 * value both have must be equal (numbers to a millionth), every task, model and suite of either must be in the
 * other. What only the submitted file has (a later version's field) or only the re-scored one has (a field an older
 * version did not write) is no finding. Lists are matched by their entries' {@code task_id}, else model and suite,
 * so order does not matter.
 */
final class ReportFileAudit {

    /**
     * Fields that name the run or when it was written, not what it scored: a re-scoring is a run of its own (its run id
     * and its config hash, whose provider is the replay), and a percentile rank is taken against a local board.
     */
    private static final Set<String> OF_THE_RUN = Set.of("run_id", "config_hash", "written_at", "synthetic",
            "percentile_rank");
    /** What names an entry of a list: a task by its id, a model's or a suite's figures by model, suite and phase. */
    private static final List<String> ENTRY_KEYS = List.of("model", "suite", "phase");

    private final String file;
    private final JsonPositions positions;
    private final List<Finding> findings = new ArrayList<>();

    private ReportFileAudit(String file, String text) {
        this.file = file;
        this.positions = JsonPositions.of(text, 1);
    }

    /**
     * The differences between {@code submitted} and {@code rescored}; none when the submitted file is absent (the
     * required-files check says so) or is no JSON (the schema check says so).
     */
    static List<Finding> compare(String file, Path submitted, Path rescored) throws IOException {
        String unreadable = RescoredRun.unreadable(submitted);
        if (unreadable != null) {
            // Absent (only results.json is required, and the required-files check says so), a link or too large.
            return unreadable.equals("no such file") ? List.of()
                    : List.of(new Finding(file, 0, "rescore", unreadable + ": not compared with the re-scoring"));
        }
        String text = Files.readString(submitted, StandardCharsets.UTF_8);
        JsonNode given;
        try {
            given = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return List.of();
        }
        ReportFileAudit audit = new ReportFileAudit(file, text);
        audit.compare("", "", given, Json.MAPPER.readTree(rescored.toFile()));
        return audit.findings;
    }

    private void compare(String pointer, String field, JsonNode given, JsonNode rescored) {
        if (given.isObject() && rescored.isObject()) {
            for (Iterator<String> names = given.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (rescored.has(name) && !OF_THE_RUN.contains(name)) {
                    compare(pointer + "/" + name.replace("~", "~0").replace("/", "~1"), field.isEmpty() ? name : field + "." + name,
                            given.get(name), rescored.get(name));
                }
            }
        } else if (given.isArray() && rescored.isArray()) {
            compareLists(pointer, field, given, rescored);
        } else if (!same(given, rescored)) {
            differ(pointer, field, given.toString() + " is written, the ledger re-scored gives " + rescored);
        }
    }

    private void compareLists(String pointer, String field, JsonNode given, JsonNode rescored) {
        Map<String, Integer> givenAt = entries(given);
        Map<String, Integer> rescoredAt = entries(rescored);
        if (givenAt == null || rescoredAt == null) {
            if (given.size() != rescored.size()) {
                differ(pointer, field, given.size() + " entries are written, the ledger re-scored gives " + rescored.size());
            }
            for (int i = 0; i < Math.min(given.size(), rescored.size()); i++) {
                compare(pointer + "/" + i, field + "[" + i + "]", given.get(i), rescored.get(i));
            }
            return;
        }
        givenAt.forEach((key, i) -> {
            Integer j = rescoredAt.get(key);
            if (j == null) {
                differ(pointer + "/" + i, field + "[" + key + "]", "an entry the ledger re-scored does not have");
            } else {
                compare(pointer + "/" + i, field + "[" + key + "]", given.get(i), rescored.get(j));
            }
        });
        rescoredAt.keySet().stream().filter(key -> !givenAt.containsKey(key)).forEach(key ->
                differ(pointer, field + "[" + key + "]", "missing: the ledger re-scored has this entry"));
    }

    /** Each entry's position by the values of its naming fields; null when the list is not one of named entries. */
    private static Map<String, Integer> entries(JsonNode list) {
        Map<String, Integer> at = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            for (String key : entry.has("task_id") ? List.of("task_id") : ENTRY_KEYS) {
                if (entry.path(key).isTextual()) {
                    parts.add(entry.get(key).asText());
                }
            }
            if (parts.isEmpty() || at.put(String.join("/", parts), i) != null) {
                return null;
            }
        }
        return at;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            double x = a.asDouble();
            double y = b.asDouble();
            return Math.abs(x - y) <= 1e-6 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
        }
        return a.equals(b);
    }

    private void differ(String pointer, String field, String message) {
        findings.add(new Finding(file, positions.line(pointer), "rescored", field + ": " + message));
    }
}
