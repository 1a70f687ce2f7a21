package org.llmbench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.llmbench.scoring.CodeBlocks;

/**
 * What the scorers see in an answer, as JSON for the reports: its code blocks, the JSON it holds (if any)
 * and its list lines, so a reader sees how the answer was taken apart, apart from the raw text.
 */
final class ParsedAnswer {

    private static final ObjectMapper MAPPER = org.llmbench.json.Json.MAPPER;
    private static final int MAX_LINES = 200;

    private ParsedAnswer() {
    }

    static ObjectNode of(String answer) {
        String text = answer == null ? "" : answer;
        ObjectNode parsed = MAPPER.createObjectNode();
        parsed.put("chars", text.length());
        var blocks = parsed.putArray("code_blocks");
        List<CodeBlocks.Block> all = CodeBlocks.all(text);
        all.forEach(b -> blocks.addObject().put("language", b.language()).put("body", b.body()));
        String jsonText = all.stream().filter(b -> b.language().equals("json")).map(CodeBlocks.Block::body)
                .findFirst().orElse(text).strip();
        JsonNode json = readJson(jsonText);
        if (json != null) {
            parsed.set("json", json);
        }
        var items = parsed.putArray("list_items");
        text.lines().map(String::strip)
                .filter(l -> l.matches("^(\\d{1,3}[.)]|[-*\u2022+])\\s+\\S.*"))
                .limit(MAX_LINES).forEach(items::add);
        return parsed;
    }

    private static JsonNode readJson(String text) {
        if (!text.startsWith("{") && !text.startsWith("[")) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            return null; // not JSON: the format check says why, this view only shows what parsed
        }
    }
}
