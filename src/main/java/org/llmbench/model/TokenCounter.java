package org.llmbench.model;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;

/**
 * Token estimates with a real BPE tokenizer (jtokkit, cl100k_base) for servers that report no counts.
 * Every model has its own tokenizer, so these are estimates and are recorded as such.
 */
public final class TokenCounter {

    // Loaded once, lazily: building the encoding reads its vocabulary from the jar.
    private static final class Holder {
        static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    }

    private TokenCounter() {
    }

    /** Loads the vocabulary on a background thread, so the first call's result is not delayed by it. */
    static void warmUp() {
        Thread loader = new Thread(() -> count("warm up"), "llm-bench-tokenizer-warm-up");
        loader.setDaemon(true);
        loader.start();
    }

    /** Tokens of a text; special-token look-alikes in model output count as ordinary text, never as errors. */
    public static int count(String text) {
        return text == null || text.isEmpty() ? 0 : Holder.ENCODING.countTokensOrdinary(text);
    }

    /** Tokens of the messages of a request (their contents only; chat templates add a few per message). */
    public static int count(List<ChatMessage> messages) {
        int n = 0;
        for (ChatMessage m : messages) {
            n += count(m.content());
        }
        return n;
    }
}
