package org.llmbench.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * How a response's body is read once its headers are in: a streamed answer is left as the connection's stream, for
 * the caller to read as it arrives; anything else is read whole, up to a cap, and past the cap the read stops and
 * says so instead of failing. The call's deadline ends either read by closing the connection under it.
 */
final class ResponseBodies {

    /** A body: {@code stream} for a streamed answer, else {@code bytes}; {@code overCap} when it ran past the cap. */
    record Payload(InputStream stream, byte[] bytes, boolean overCap) {
        boolean streamed() {
            return stream != null;
        }
    }

    private ResponseBodies() {
    }

    /** A body to be read as it arrives. */
    static Payload streamed(InputStream in) {
        return new Payload(in, null, false);
    }

    /**
     * A body read whole, at most {@code cap} bytes (one more is read to tell a body of exactly {@code cap} from a
     * longer one); a missing body (an error status without one) is empty; a body shorter than the length its
     * headers declared ({@code declaredLength}, -1 when none) is a lost connection.
     */
    static Payload whole(InputStream in, long cap, long declaredLength) throws IOException {
        if (in == null) {
            return new Payload(null, new byte[0], false);
        }
        int limit = (int) Math.min(Integer.MAX_VALUE - 16, cap);
        try (in) {
            byte[] buffer = new byte[1024];
            int size = 0;
            while (true) {
                if (size == buffer.length) {
                    buffer = Arrays.copyOf(buffer, (int) Math.min((long) limit + 1, buffer.length * 2L));
                }
                int n = in.read(buffer, size, Math.min(buffer.length, limit + 1) - size);
                if (n < 0) {
                    // The JDK's reader of a Content-Length body ends quietly when the connection does.
                    if (declaredLength >= 0 && size < declaredLength) {
                        throw new IOException("the body ended after " + size + " of its " + declaredLength + " bytes");
                    }
                    return new Payload(null, Arrays.copyOf(buffer, size), false);
                }
                size += n;
                if (size > limit) {
                    return new Payload(null, Arrays.copyOf(buffer, limit), true);
                }
            }
        }
    }

    /** The media type without parameters, lower-cased; empty when the server sent none. */
    static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }
}
