package org.llmbench.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a response body line by line (LF or CRLF) as strict UTF-8, counting every byte against the body cap.
 * Streaming formats (SSE, NDJSON) are line-based; decoding per line keeps a multi-byte character whole,
 * because a newline byte never occurs inside one.
 */
final class BodyLines {

    private final InputStream in;
    private final long maxBytes;
    private final byte[] buffer = new byte[8192];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private int pos;
    private int limit;
    private long total;

    BodyLines(InputStream in, long maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line without its terminator, or null at the end of the body. */
    String next() throws IOException, CallFailure {
        line.reset();
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer);
                pos = 0;
                if (limit < 0) {
                    limit = 0;
                    return line.size() == 0 ? null : decode();
                }
                total += limit;
                if (total > maxBytes) {
                    throw new CallFailure(ErrorKind.TOO_LARGE, "response body over " + maxBytes + " bytes");
                }
            }
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            line.write(buffer, start, pos - start);
            if (pos < limit) {
                pos++;
                return decode();
            }
        }
    }

    private String decode() throws CallFailure {
        String text = HttpTransport.decode(line.toByteArray());
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
