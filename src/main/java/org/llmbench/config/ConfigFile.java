package org.llmbench.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.llmbench.json.Json;

/**
 * The optional JSON config file (SPEC section 4 shape) and its values. Which key lives where in it is part of
 * each key's declaration ({@link Key#pointer()}); {@code /suite/weights} is the one field that is not a key.
 */
final class ConfigFile {

    /** The JSON Pointer of the weights object. */
    static final String WEIGHTS = "/suite/weights";

    /** No config file: every lookup is empty. */
    static final ConfigFile NONE = new ConfigFile(MissingNode.getInstance(), new Source.ConfigFile("(none)"), "");

    /** Every field the file may have. */
    private static final Set<String> FIELDS;

    static {
        Set<String> fields = new HashSet<>();
        BenchKeys.ALL.forEach(k -> k.pointer().ifPresent(fields::add));
        fields.add(WEIGHTS);
        FIELDS = Set.copyOf(fields);
    }

    private final JsonNode root;
    private final Source.ConfigFile source;
    private final String text;
    private JsonPositions positions;

    private ConfigFile(JsonNode root, Source.ConfigFile source, String text) {
        this.root = root;
        this.source = source;
        this.text = text;
    }

    /** Reads the file; an unreadable file or an unknown field is reported, and an unreadable file reads as empty. */
    static ConfigFile read(String path, Consumer<ConfigProblem> problems) {
        Source.ConfigFile source = new Source.ConfigFile(path);
        String given = Source.PARAMETER.label();
        try {
            String text = Files.readString(Path.of(path));
            // Exact decimals: 1e400 is reported as 1E+400, not as the Infinity a double would make of it.
            JsonNode root = Json.DECIMAL.readTree(text);
            if (root == null || !root.isObject()) {
                problems.accept(new ConfigProblem(BenchKeys.CONFIG.name(), given, path + ": the config file must hold a JSON object", true));
                return NONE;
            }
            ConfigFile file = new ConfigFile(root, source, text);
            file.reportUnknownFields(root, "", problems);
            return file;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            problems.accept(new ConfigProblem(BenchKeys.CONFIG.name(), given, path + (loc == null ? "" : ":" + loc.getLineNr()
                    + ":" + loc.getColumnNr()) + ": invalid JSON: " + e.getOriginalMessage()
                    // Jackson's advice is for programmers; the user's fix is a finite number.
                    .replaceFirst(": enable `JsonReadFeature\\.ALLOW_NON_NUMERIC_NUMBERS` to allow$",
                            " (JSON numbers are finite: write a number, not NaN or Infinity)"), true));
        } catch (IOException e) {
            problems.accept(new ConfigProblem(BenchKeys.CONFIG.name(), given, path + ": cannot read the config file: " + e.getMessage(), true));
        }
        return NONE;
    }

    /** The JSON Pointer of a key's value in the file ({@code bench.temperature} is {@code /model/temperature}), or of a file path key ({@code model.foo}). */
    static String fieldOf(String key) {
        Optional<String> mapped = BenchKeys.byName(key).flatMap(Key::pointer);
        if (mapped.isPresent()) {
            return mapped.get();
        }
        return key.startsWith(BenchKeys.PREFIX) ? "" : "/" + key.replace('.', '/');
    }

    /** The value the file holds at a JSON Pointer, with this file as its source. */
    Optional<Setting> setting(String pointer) {
        JsonNode node = root.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new Setting(node.isValueNode() ? node.asText() : node.toString(), source));
    }

    /** The node at a JSON Pointer; missing when absent. */
    JsonNode at(String pointer) {
        return root.at(pointer);
    }

    Source.ConfigFile source() {
        return source;
    }

    /** Where the value at a JSON Pointer is, as {@code FILE:LINE: FIELD} ({@code c.json:3: model.temperature}). */
    synchronized String where(String pointer) {
        if (positions == null) {
            positions = JsonPositions.of(text, 1);
        }
        return source.path() + ":" + positions.line(pointer) + ": " + pointer.substring(1).replace('/', '.');
    }

    private void reportUnknownFields(JsonNode node, String prefix, Consumer<ConfigProblem> problems) {
        node.fields().forEachRemaining(entry -> {
            String path = prefix + "/" + entry.getKey();
            boolean section = path.equals("/model") || path.equals("/suite");
            if (section && entry.getValue().isObject()) {
                reportUnknownFields(entry.getValue(), path, problems);
            } else if (!FIELDS.contains(path)) {
                problems.accept(new ConfigProblem(path.substring(1).replace('/', '.'), source.label(),
                        "unknown field in the config file", false, where(path)));
            }
        });
    }
}
