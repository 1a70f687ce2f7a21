package org.llmbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The redactor's rules, and that it reaches every text a {@link CallResult} can carry, including future ones. */
class RedactorTest {

    private static final String KEY = RedactionTest.CANARY;
    private final Redactor redactor = new Redactor(KEY);

    @Test
    void everyTextComponentOfACallResultIsRedacted() throws Exception {
        // Built by reflection: a text component added to CallResult later is filled with the key too, and this test
        // fails until withServerText passes it through the redactor.
        RecordComponent[] components = CallResult.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = sample(types[i]);
        }
        CallResult full = CallResult.class.getDeclaredConstructor(types).newInstance(values);
        assertThat(full.toString()).contains(KEY);
        CallResult safe = redactor.result(full);
        assertThat(safe.toString()).doesNotContain(KEY);
        assertThat(safe.content()).isEqualTo(Redactor.MASK);
        assertThat(safe.serverTimings()).containsKey(Redactor.MASK);
    }

    private static Object sample(Class<?> type) {
        if (type == String.class) {
            return KEY;
        }
        if (type == Map.class) {
            return Map.of(KEY, 1);
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == ErrorKind.class) {
            return ErrorKind.PROTOCOL;
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == TokenGaps.class) {
            return new TokenGaps(1, 1, 1, 1);
        }
        if (type == ToolCalls.class) {
            return new ToolCalls(List.of(new ToolCall(KEY, KEY, KEY)), 0, KEY);
        }
        throw new AssertionError("a new kind of CallResult component, " + type + ": decide whether it can hold server text");
    }

    @Test
    void credentialShapesAreMaskedInMessagesButNotInAnswers() {
        String message = "denied: Authorization: Bearer abc.DEF-123_~+/= and key sk-proj-AbCdEf123456 (task-12345678, disk-backup)";
        assertThat(redactor.text(message, 500))
                .isEqualTo("denied: Authorization: Bearer *** and key *** (task-12345678, disk-backup)");
        assertThat(redactor.text("cannot reach http://admin:hunter2@10.0.0.5:11434/api/chat", 500))
                .isEqualTo("cannot reach http://***@10.0.0.5:11434/api/chat");
        String code = "headers = {\"Authorization\": f\"Bearer {token}\"}  # sk-proj-AbCdEf123456 and " + KEY;
        assertThat(redactor.answer(code)).isEqualTo(code.replace(KEY, Redactor.MASK));
    }

    @Test
    void theKeyIsMaskedBeforeTheCutSoNoHalfOfItStays() {
        String text = "x".repeat(95) + KEY;
        assertThat(redactor.text(text, 100)).isEqualTo("x".repeat(95) + "***"); // cut at 100 first, "sk-ca" would stay
        assertThat(new Redactor("a-long-but-plain-secret-value").text("y".repeat(90) + "a-long-but-plain-secret-value", 100))
                .isEqualTo("y".repeat(90) + "***");
    }

    @Test
    void aShortPlaceholderKeyIsMaskedInMessagesButLeftInAnswers() {
        Redactor placeholder = new Redactor("ollama");
        assertThat(placeholder.text("bad key ollama", 100)).isEqualTo("bad key ***");
        assertThat(placeholder.answer("Run it with ollama serve.")).isEqualTo("Run it with ollama serve.");
        assertThat(new Redactor(null).text("Bearer abcdef", 100)).isEqualTo("Bearer ***");
        assertThat(new Redactor("").answer(null)).isNull();
    }

    @Test
    void failuresKeepTheirKindStatusAndRetryAfter() {
        CallFailure safe = redactor.failure(new CallFailure(ErrorKind.RATE_LIMITED, "HTTP 429: " + KEY, 429, 1500));
        assertThat(safe.getMessage()).isEqualTo("HTTP 429: ***");
        assertThat(safe.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(safe.httpStatus()).isEqualTo(429);
        assertThat(safe.retryAfterMs()).isEqualTo(1500);
        IllegalStateException bug = redactor.unexpected(new IllegalArgumentException("parsing " + KEY));
        assertThat(bug.getMessage()).doesNotContain(KEY);
        assertThat(bug.getCause()).isNull();
        assertThat(redactor.details(Map.of(KEY, Map.of("owner", "Bearer " + KEY, "size", 3))).toString())
                .doesNotContain(KEY).contains("size=3");
    }
}
