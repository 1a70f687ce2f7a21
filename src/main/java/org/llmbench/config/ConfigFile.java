package org.llmbench.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The optional JSON config file (SPEC section 4 shape): which key lives where in it, and its values. */
final class ConfigFile {

    /** No config file: every lookup is empty. */
    static final ConfigFile NONE = new ConfigFile(MissingNode.getInstance(), "no config file");

    /** Where each key lives in the file. */
    private static final Map<String, String> PATHS = Map.ofEntries(
            Map.entry(Constants.PROVIDER, "/model/provider"),
            Map.entry(Constants.URL, "/model/base_url"),
            Map.entry(Constants.API_KEY_ENV, "/model/api_key_env"),
            Map.entry(Constants.MODEL, "/model/model_name"),
            Map.entry(Constants.TEMPERATURE, "/model/temperature"),
            Map.entry(Constants.NUM_PREDICT, "/model/max_tokens"),
            Map.entry(Constants.NUM_CTX, "/model/num_ctx"),
            Map.entry(Constants.TIMEOUT_S, "/model/timeout_s"),
            Map.entry(Constants.STRICT_JSON, "/suite/strict_json"),
            Map.entry(Constants.RETRY_ON_PARSE_FAIL, "/suite/retry_on_parse_fail"));

    private static final Set<String> FIELDS = Set.of("/model/provider", "/model/base_url", "/model/api_key_env",
            "/model/model_name", "/model/temperature", "/model/max_tokens", "/model/num_ctx", "/model/timeout_s",
            "/suite/strict_json", "/suite/retry_on_parse_fail", "/suite/weights");

    private final JsonNode root;
    private final String source;

    private ConfigFile(JsonNode root, String source) {
        this.root = root;
        this.source = source;
    }

    /** Reads the file; an unreadable file or an unknown field is reported, and an unreadable file reads as empty. */
    static ConfigFile read(String path, Consumer<ConfigProblem> problems) {
        String source = "config file " + path;
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(Path.of(path)));
            if (root == null || !root.isObject()) {
                problems.accept(new ConfigProblem(Constants.CONFIG, "parameter", path + ": the config file must hold a JSON object", true));
                return NONE;
            }
            ConfigFile file = new ConfigFile(root, source);
            file.reportUnknownFields(root, "", problems);
            return file;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            problems.accept(new ConfigProblem(Constants.CONFIG, "parameter", path + (loc == null ? "" : ":" + loc.getLineNr()
                    + ":" + loc.getColumnNr()) + ": invalid JSON: " + e.getOriginalMessage(), true));
        } catch (IOException e) {
            problems.accept(new ConfigProblem(Constants.CONFIG, "parameter", path + ": cannot read the config file: " + e.getMessage(), true));
        }
        return NONE;
    }

    /** The JSON Pointer of a key's value in the file ({@code bench.temperature} is {@code /model/temperature}), or of a file path key ({@code model.foo}). */
    static String fieldOf(String key) {
        String mapped = PATHS.get(key);
        if (mapped != null) {
            return mapped;
        }
        return key.startsWith("bench.") ? "" : "/" + key.replace('.', '/');
    }

    /** The value the file gives a key, with this file as its source. */
    Optional<BenchConfig.Setting> setting(String key) {
        String path = PATHS.get(key);
        if (path == null) {
            return Optional.empty();
        }
        JsonNode node = root.at(path);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new BenchConfig.Setting(node.isValueNode() ? node.asText() : node.toString(), source));
    }

    /** The node at a JSON Pointer; missing when absent. */
    JsonNode at(String pointer) {
        return root.at(pointer);
    }

    String source() {
        return source;
    }

    private void reportUnknownFields(JsonNode node, String prefix, Consumer<ConfigProblem> problems) {
        node.fields().forEachRemaining(entry -> {
            String path = prefix + "/" + entry.getKey();
            boolean section = path.equals("/model") || path.equals("/suite");
            if (section && entry.getValue().isObject()) {
                reportUnknownFields(entry.getValue(), path, problems);
            } else if (!FIELDS.contains(path)) {
                problems.accept(new ConfigProblem(path.substring(1).replace('/', '.'), source, "unknown field in the config file", false));
            }
        });
    }
}
