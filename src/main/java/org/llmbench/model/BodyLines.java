package org.llmbench.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a response body line by line (LF or CRLF) as strict UTF-8, counting every byte against the body cap.
 * Streaming formats (SSE, NDJSON) are line-based; decoding per line keeps a multi-byte character whole,
 * because a newline byte never occurs inside one.
 *
 * <p>It runs inside the timed window of every streamed call, once per chunk, so it allocates little: one line
 * buffer for the whole body, an ASCII line (the usual SSE line) made into its string in one copy, and one strict
 * decoder kept for the lines that are not ASCII. What it allocates fills the young generation, and a collection
 * that falls inside a call is counted as the model's latency (docs/PERFORMANCE.md, eighth round).
 */
final class BodyLines {

    private final InputStream in;
    private final long maxBytes;
    private final byte[] buffer = new byte[8192];
    private byte[] line = new byte[256];
    private int length;
    private boolean ascii;
    private CharsetDecoder strict;
    private int pos;
    private int limit;
    private long total;

    BodyLines(InputStream in, long maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line without its terminator, or null at the end of the body. */
    String next() throws IOException, CallFailure {
        length = 0;
        ascii = true;
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer);
                pos = 0;
                if (limit < 0) {
                    limit = 0;
                    return length == 0 ? null : decode();
                }
                total += limit;
                if (total > maxBytes) {
                    throw new CallFailure(ErrorKind.TOO_LARGE, "response body over " + maxBytes + " bytes");
                }
            }
            int start = pos;
            byte any = 0;
            while (pos < limit && buffer[pos] != '\n') {
                any |= buffer[pos];
                pos++;
            }
            ascii &= any >= 0;
            append(start, pos - start);
            if (pos < limit) {
                pos++;
                return decode();
            }
        }
    }

    private void append(int from, int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(buffer, from, line, length, count);
        length += count;
    }

    private String decode() throws CallFailure {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        if (ascii) {
            // Every byte below 0x80 is valid UTF-8 and the same character in Latin-1, which the JDK copies as is.
            return new String(line, 0, end, StandardCharsets.ISO_8859_1);
        }
        if (strict == null) {
            strict = StrictUtf8.decoder();
        }
        return StrictUtf8.decode(strict, line, end);
    }
}
