package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.llmbench.json.Json;
import org.llmbench.scoring.CodeBlocks;

/**
 * Reads the strict-JSON envelope {@code {"task_id", "final", "artifacts": {"code", "json"}}} from a model's
 * answer, tolerantly: it recovers a fenced block, leading or trailing prose and trailing commas, and names each
 * recovery it used, so a report can tell a clean answer from a rescued one. Never throws.
 */
public final class EnvelopeParser {

    /** Longer answers are cut before parsing: no envelope needs a megabyte. */
    static final int MAX_CHARS = 1_000_000;
    /** How many candidate objects are tried in prose, to bound the work on hostile input. */
    private static final int MAX_CANDIDATES = 32;

    private EnvelopeParser() {
    }

    public static ParsedEnvelope parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new ParsedEnvelope(null, List.of(), "empty answer");
        }
        List<String> recoveries = new ArrayList<>();
        String text = raw.length() > MAX_CHARS ? raw.substring(0, MAX_CHARS) : raw;
        if (text != raw) {
            recoveries.add("truncated_to_" + MAX_CHARS + "_chars");
        }
        Optional<JsonNode> found = value(text.strip(), recoveries);
        if (found.isEmpty()) {
            Optional<String> block = CodeBlocks.first(text, java.util.Set.of("json"));
            if (block.isPresent()) {
                found = value(block.get().strip(), recoveries);
                if (found.isPresent()) {
                    recoveries.add(0, "fenced_block");
                }
            }
        }
        if (found.isEmpty()) {
            found = firstObjectIn(text, recoveries);
        }
        if (found.isEmpty()) {
            return new ParsedEnvelope(null, List.copyOf(recoveries), "no JSON object found in the answer");
        }
        JsonNode node = found.get();
        if (!node.isObject()) {
            return new ParsedEnvelope(null, List.copyOf(recoveries), "the JSON is a " + node.getNodeType().name()
                    .toLowerCase(java.util.Locale.ROOT) + ", not an envelope object");
        }
        if (!node.has("final") && !node.has("artifacts") && !node.has("fixed_code")) {
            return new ParsedEnvelope(null, List.copyOf(recoveries), "JSON object without \"final\" or \"artifacts\"");
        }
        return new ParsedEnvelope(node, List.copyOf(recoveries), null);
    }

    /** The first JSON object or array anywhere in a text (free-text answers), if any. */
    public static Optional<JsonNode> findJson(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String capped = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        List<String> ignored = new ArrayList<>();
        Optional<JsonNode> whole = value(capped.strip(), ignored);
        if (whole.isPresent() && whole.get().isContainerNode()) {
            return whole;
        }
        Optional<String> block = CodeBlocks.first(capped, java.util.Set.of("json"));
        Optional<JsonNode> inBlock = block.flatMap(b -> value(b.strip(), ignored)).filter(JsonNode::isContainerNode);
        return inBlock.isPresent() ? inBlock : JsonScanner.candidates(capped, MAX_CANDIDATES, true).stream()
                .map(c -> value(c, ignored)).flatMap(Optional::stream).findFirst();
    }

    private static Optional<JsonNode> firstObjectIn(String text, List<String> recoveries) {
        for (String candidate : JsonScanner.candidates(text, MAX_CANDIDATES, false)) {
            List<String> local = new ArrayList<>();
            Optional<JsonNode> node = value(candidate, local);
            if (node.isPresent() && node.get().isObject()) {
                recoveries.add("surrounding_prose");
                recoveries.addAll(local);
                return node;
            }
        }
        return Optional.empty();
    }

    /** Parses one JSON text strictly, then allowing trailing commas (noting that recovery). */
    private static Optional<JsonNode> value(String text, List<String> recoveries) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Json.STRICT.readTree(text)).filter(n -> !n.isMissingNode());
        } catch (Exception strictFailure) {
            try {
                Optional<JsonNode> node = Optional.ofNullable(Json.LENIENT.readTree(text)).filter(n -> !n.isMissingNode());
                node.ifPresent(n -> recoveries.add("trailing_commas"));
                return node;
            } catch (Exception e) {
                return Optional.empty();
            }
        }
    }
}
