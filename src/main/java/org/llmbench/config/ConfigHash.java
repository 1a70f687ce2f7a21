package org.llmbench.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * The config hash: sha256 over the settings that change what a score means (not where files go), so runs with
 * the same hash are comparable on a leaderboard. The text hashed is a sorted map's {@code toString} of these
 * values; it must not change (ConfigKeysTest pins one hash), so a new key changes it only if it is added here.
 */
final class ConfigHash {

    private ConfigHash() {
    }

    static String of(BenchConfig c) {
        var canonical = new TreeMap<String, Object>();
        canonical.put("provider", c.provider().wireName());
        canonical.put("models", c.models());
        canonical.put("phases", c.phases());
        canonical.put("seed", c.seed());
        canonical.put("max_tasks", c.maxTasks());
        canonical.put("temperature", c.temperature());
        canonical.put("num_ctx", c.numCtx());
        canonical.put("num_predict", c.numPredict());
        canonical.put("pass_score", c.passScore());
        canonical.put("strict_json", c.strictJson());
        canonical.put("retry_on_parse_fail", c.retryOnParseFail());
        canonical.put("system_prompt", c.systemPrompt());
        canonical.put("weights", new TreeMap<>(c.weights()));
        if (c.samples() > 1) { // only then, so the hash of every single-sample run stays what it was
            canonical.put("samples", c.samples());
        }
        if (!c.promptFormat().equals("instruct") || c.shots() != null || !c.headlineMethods().isEmpty()) {
            // only then, so every earlier run's hash stays what it was; another prompt or headline is another number
            canonical.put("prompt_format", c.promptFormat() + "/" + c.shots() + "/" + c.headlineMethods());
        }
        if (c.promptedTools()) { // prompted tool calls are never ranked with native ones
            canonical.put("tool_mode", "prompted");
        }
        if (c.unisolatedSandbox()) { // scores judged without an OS boundary are never ranked with isolated ones
            canonical.put("sandbox", "unisolated");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
