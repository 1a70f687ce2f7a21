package org.llmbench.engine;

import java.util.List;
import org.llmbench.model.ChatMessage;

/**
 * Token counts for when a server reports none: about four characters a token, the estimate the clients and
 * the mock use too, so a conversation's accounting is consistent whichever side counted.
 */
final class TokenCount {

    private TokenCount() {
    }

    static long estimate(String text) {
        return text == null || text.isEmpty() ? 0 : (text.length() + 3) / 4;
    }

    static long estimate(List<ChatMessage> messages) {
        long chars = 0;
        for (ChatMessage m : messages) {
            chars += m.content().length();
        }
        return (chars + 3) / 4;
    }
}
