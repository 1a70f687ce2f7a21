package org.llmbench.model;

import java.util.List;
import org.llmbench.record.TestRef;

/**
 * One chat call.
 *
 * @param referenceAnswer a known-good answer; only the mock model's oracle mode uses it, real clients never send it
 * @param test the test the call belongs to (a replay answers it with that test's recorded call); null for a call
 *             outside a run (probe, hello)
 * @param tools the functions offered through the server's tool API; null for a call that offers none
 */
public record ChatRequest(String model, List<ChatMessage> messages, GenerationOptions options, String referenceAnswer,
                          TestRef test, ToolUse tools) {

    /** A call that offers no functions. */
    public ChatRequest(String model, List<ChatMessage> messages, GenerationOptions options, String referenceAnswer,
                       TestRef test) {
        this(model, messages, options, referenceAnswer, test, null);
    }

    /** A call that belongs to no test. */
    public ChatRequest(String model, List<ChatMessage> messages, GenerationOptions options, String referenceAnswer) {
        this(model, messages, options, referenceAnswer, null, null);
    }

    /** Characters of all message contents, recorded as chars_in. */
    public int charsIn() {
        int n = 0;
        for (ChatMessage m : messages) {
            n += m.content().length();
        }
        return n;
    }
}
