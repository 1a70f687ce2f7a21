package org.llmbench.model;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A server's text as UTF-8 that must be valid: malformed bytes are a protocol error, never replaced. */
final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** A decoder for {@link #decode(CharsetDecoder, byte[], int)}; one per reader, since a decoder keeps state. */
    static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** All of {@code bytes}. */
    static String decode(byte[] bytes) throws CallFailure {
        return decode(decoder(), bytes, bytes.length);
    }

    /** The first {@code length} bytes, with a decoder from {@link #decoder()}. */
    static String decode(CharsetDecoder decoder, byte[] bytes, int length) throws CallFailure {
        try {
            return decoder.reset().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new CallFailure(ErrorKind.PROTOCOL, "response is not valid UTF-8");
        }
    }
}
