package org.llmbench.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The physical bounds of what a server reports about one call, and the figures of one answer that break them. A
 * figure outside them is an {@link Implausible} record with its raw value, and the call goes on without it: a token
 * count falls back to the tokenizer's estimate, a timing or speed is left out.
 *
 * <ul>
 *   <li>Every count, duration and rate is a finite number of at least 0.</li>
 *   <li>Generated tokens are at most the UTF-8 bytes of the text generated (answer and thinking) plus
 *       {@value #TOKEN_SLACK}: every token that prints something prints at least one byte, and the few that print
 *       nothing (end of turn, template and control tokens a server strips) are far fewer than 64.</li>
 *   <li>Prompt tokens are at most the UTF-8 bytes of the messages sent plus {@value #PROMPT_TOKEN_SLACK}: the chat
 *       template and a system prompt the server adds (an Ollama Modelfile's) are tokens the request does not show.</li>
 *   <li>Tokens per second of one stream are at most {@value #MAX_TOKENS_PER_SECOND}: the fastest single-stream
 *       generation any hardware reaches is a few thousand tokens per second (wafer-scale and LPU chips, speculative
 *       decoding of a small model), so a ceiling ten times above any such record never refuses a real measurement,
 *       but refuses a unit slip (milliseconds read as seconds) and garbage.</li>
 * </ul>
 *
 * A server that counts hidden reasoning tokens it does not send (a hosted reasoning model's usage) breaks the token
 * bound: its count is recorded as implausible and the estimate of the text it sent is used.
 */
final class Plausibility {

    /** Generated tokens a call may report beyond the bytes of its text. */
    static final int TOKEN_SLACK = 64;
    /** Prompt tokens a call may report beyond the bytes of its messages. */
    static final int PROMPT_TOKEN_SLACK = 4096;
    /** The most tokens per second one stream can generate. */
    static final double MAX_TOKENS_PER_SECOND = 100_000;

    /** Timings that count generated tokens, and those that count prompt tokens (llama.cpp, Ollama). */
    private static final Set<String> GENERATED_COUNTS = Set.of("eval_count", "predicted_n");
    private static final Set<String> PROMPT_COUNTS = Set.of("prompt_eval_count", "prompt_n");
    /** Timings that are a generation speed as sent (llama.cpp). */
    private static final Set<String> GENERATION_SPEEDS = Set.of("predicted_per_second");

    private final List<Implausible> found = new ArrayList<>();

    /** The figures found implausible so far. */
    List<Implausible> found() {
        return List.copyOf(found);
    }

    /** The most tokens a text of these parts can hold. */
    static long generatedBound(String... texts) {
        long bytes = 0;
        for (String text : texts) {
            bytes += text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes + TOKEN_SLACK;
    }

    /** The most prompt tokens these messages can make. */
    static long promptBound(List<ChatMessage> messages) {
        return generatedBound(messages.stream().map(ChatMessage::content).toArray(String[]::new)) - TOKEN_SLACK
                + PROMPT_TOKEN_SLACK;
    }

    /**
     * A token count as sent ({@code node} missing or null: not sent): a whole number from 0 to {@code bound}, else
     * null and a record saying why.
     */
    Integer tokens(String figure, JsonNode node, long bound, String boundWhy) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 0) {
            found.add(new Implausible(figure, raw(node), "not a whole number from 0 to " + Integer.MAX_VALUE));
            return null;
        }
        if (node.asInt() > bound) {
            found.add(new Implausible(figure, raw(node), "more tokens than " + boundWhy + " can hold (at most " + bound + ")"));
            return null;
        }
        return node.asInt();
    }

    /**
     * The server's timings without those that cannot be true: not finite or negative, a count of tokens above
     * its bound, a generation speed above the ceiling.
     */
    Map<String, Object> timings(Map<String, Object> sent, long generated, long prompt) {
        Map<String, Object> kept = new LinkedHashMap<>();
        sent.forEach((name, value) -> {
            String figure = "server_timings." + name;
            double v = value instanceof Number n ? n.doubleValue() : 0;
            if (!Double.isFinite(v) || v < 0) {
                found.add(new Implausible(figure, String.valueOf(value), Double.isFinite(v)
                        ? "negative: a count, a duration or a speed is never below 0" : "not a finite number"));
            } else if (GENERATED_COUNTS.contains(name) && v > generated) {
                found.add(new Implausible(figure, String.valueOf(value), "more tokens than the text generated can hold (at most " + generated + ")"));
            } else if (PROMPT_COUNTS.contains(name) && v > prompt) {
                found.add(new Implausible(figure, String.valueOf(value), "more tokens than the messages sent can make (at most " + prompt + ")"));
            } else if (GENERATION_SPEEDS.contains(name) && v > MAX_TOKENS_PER_SECOND) {
                found.add(new Implausible(figure, String.valueOf(value), beyondCeiling()));
            } else {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /** Records a speed worked out from plausible figures that is still beyond any hardware (a tiny duration). */
    void speed(String figure, Double tokensPerSecond) {
        if (tokensPerSecond != null && bounded(tokensPerSecond) == null) {
            found.add(new Implausible(figure, String.valueOf(tokensPerSecond), beyondCeiling()));
        }
    }

    /** A speed as it may be stored and shown: null when not finite, negative or beyond the ceiling. */
    static Double bounded(Double tokensPerSecond) {
        return tokensPerSecond == null || !(tokensPerSecond >= 0 && tokensPerSecond <= MAX_TOKENS_PER_SECOND)
                ? null : tokensPerSecond;
    }

    /** The server's own generation speed from its timings: Ollama's eval pair, else llama.cpp's; null when not given. */
    static Double serverSpeed(Map<String, Object> timings) {
        Object count = timings.get("eval_count");
        Object nanos = timings.get("eval_duration");
        if (count instanceof Number c && nanos instanceof Number n && n.doubleValue() > 0) {
            return c.doubleValue() * 1e9 / n.doubleValue();
        }
        Object predicted = timings.get("predicted_per_second");
        return predicted instanceof Number p ? p.doubleValue() : null;
    }

    private static String beyondCeiling() {
        return "beyond " + (long) MAX_TOKENS_PER_SECOND + " tokens/s, faster than any hardware generates one stream";
    }

    private static String raw(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
