package org.llmbench.model;

import java.util.List;

/**
 * One chat call.
 *
 * @param referenceAnswer a known-good answer; only the mock model's oracle mode uses it, real clients never send it
 */
public record ChatRequest(String model, List<ChatMessage> messages, GenerationOptions options, String referenceAnswer) {

    /** Characters of all message contents, recorded as chars_in. */
    public int charsIn() {
        int n = 0;
        for (ChatMessage m : messages) {
            n += m.content().length();
        }
        return n;
    }
}
