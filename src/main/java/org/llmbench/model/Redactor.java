package org.llmbench.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one place where text from a model server is made safe to record. A real client's public methods return
 * through it once, so every body, in-stream error, header and exception message that reaches a {@link CallResult}
 * or a {@link CallFailure} has passed here, whichever path produced it.
 *
 * <p>Texts about the call (error messages, finish reasons, timing names, model details) lose the known API key and
 * anything shaped like a credential: {@code Bearer <token>}, {@code sk-...} keys and a URL's {@code user:password@}
 * become {@code ***}; they are cut to a bounded length only after that, so a cut cannot leave half a key. The answer and the thinking are scored
 * and kept verbatim, except that the known key is masked in them too: a server that quotes the key inside the answer
 * must not get it into the ledger. Credential shapes are left alone there (code that builds a {@code Bearer} header is
 * a fair answer), and so is a short placeholder key ({@code ollama}, {@code lm-studio}), which is no secret.
 */
final class Redactor {

    static final String MASK = "***";
    /** Shorter keys are placeholders that local servers accept; masking them would rewrite answers that name them. */
    static final int MIN_KEY_IN_ANSWER = 12;
    static final int MAX_MESSAGE_CHARS = 320;
    static final int MAX_FIELD_CHARS = 200;

    // RFC 6750's token characters; a run of them after "Bearer" is a credential whoever it belongs to.
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)(\\s+)[A-Za-z0-9._~+/=-]+");
    // OpenAI-style keys (sk-..., sk-proj-...); "\b" keeps "task-" and "disk-" words intact.
    private static final Pattern SK_KEY = Pattern.compile("\\bsk-[A-Za-z0-9_-]{8,}");
    // A password in a URL (http://user:secret@host), as an exception message may quote the request's URL.
    private static final Pattern URL_USERINFO = Pattern.compile("(?i)\\b(https?://)[^/@\\s]+@");

    private final String secret;

    Redactor(String secret) {
        this.secret = secret == null || secret.isEmpty() ? null : secret;
    }

    /** A text about the call: the key and credential shapes masked, then cut to {@code max} characters. */
    String text(String text, int max) {
        if (text == null) {
            return null;
        }
        String masked = secret == null ? text : text.replace(secret, MASK);
        masked = BEARER.matcher(masked).replaceAll("$1$2" + MASK);
        masked = SK_KEY.matcher(masked).replaceAll(MASK);
        masked = URL_USERINFO.matcher(masked).replaceAll("$1" + MASK + "@");
        return masked.length() > max ? masked.substring(0, max) + "..." : masked;
    }

    /** The answer or thinking of a call: verbatim but for the known key. */
    String answer(String text) {
        return text == null || secret == null || secret.length() < MIN_KEY_IN_ANSWER ? text : text.replace(secret, MASK);
    }

    /** A call's result as it may be recorded. */
    CallResult result(CallResult result) {
        return result.withServerText(this::answer, t -> text(t, MAX_MESSAGE_CHARS), t -> text(t, MAX_FIELD_CHARS));
    }

    /** A failure as it may be recorded: same kind, status and Retry-After, message redacted. */
    CallFailure failure(CallFailure failure) {
        return new CallFailure(failure.kind(), text(failure.getMessage(), MAX_MESSAGE_CHARS), failure.httpStatus(),
                failure.retryAfterMs());
    }

    /** A model listing as it may be recorded: names, field names and text values redacted. */
    Map<String, Map<String, Object>> details(Map<String, Map<String, Object>> details) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        details.forEach((name, fields) -> {
            Map<String, Object> safe = new LinkedHashMap<>();
            fields.forEach((k, v) -> safe.put(text(k, MAX_FIELD_CHARS), v instanceof String s ? text(s, MAX_FIELD_CHARS) : v));
            out.put(text(name, MAX_FIELD_CHARS), safe);
        });
        return out;
    }

    /**
     * A bug's exception, which may quote server text, made safe to propagate: its message redacted, its stack trace
     * kept, its cause dropped (the cause's message is the unredacted one).
     */
    IllegalStateException unexpected(RuntimeException e) {
        IllegalStateException safe = new IllegalStateException(text(e.toString(), MAX_MESSAGE_CHARS));
        safe.setStackTrace(e.getStackTrace());
        return safe;
    }
}
