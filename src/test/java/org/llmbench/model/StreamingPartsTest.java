package org.llmbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small parts under the clients: line reading, SSE events, per-token gaps, token counts, Retry-After. */
class StreamingPartsTest {

    @Test
    void linesAreSplitOnLfAndCrlfAndAMultiByteCharacterAcrossReadsStaysWhole() throws Exception {
        byte[] bytes = "caf\u00e9 \u20ac\r\nsecond\nlast".getBytes(StandardCharsets.UTF_8);
        // An input stream that returns one byte per read splits every multi-byte character across reads.
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(1, len));
            }
        };
        BodyLines lines = new BodyLines(trickle, 1024);
        assertThat(lines.next()).isEqualTo("caf\u00e9 \u20ac");
        assertThat(lines.next()).isEqualTo("second");
        assertThat(lines.next()).isEqualTo("last");
        assertThat(lines.next()).isNull();
    }

    @Test
    void invalidUtf8AndOversizedBodiesAreTyped() {
        byte[] bad = {'o', 'k', (byte) 0xC3, '\n'};
        assertThatThrownBy(() -> new BodyLines(new ByteArrayInputStream(bad), 1024).next())
                .isInstanceOfSatisfying(CallFailure.class, f -> assertThat(f.kind()).isEqualTo(ErrorKind.PROTOCOL));
        byte[] big = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new BodyLines(new ByteArrayInputStream(big), 1024).next())
                .isInstanceOfSatisfying(CallFailure.class, f -> assertThat(f.kind()).isEqualTo(ErrorKind.TOO_LARGE));
    }

    @Test
    void everyLineDecodesAsTheStrictUtf8DecoderDoesWhateverItsBytes() throws Exception {
        // Random lines (ASCII, valid multi-byte, overlong forms, surrogates, stray continuation bytes, CRs), read in
        // pieces of random size: each line reads as the JDK's strict decoder reads it, or fails as it does.
        java.util.Random random = new java.util.Random(27);
        byte[][] parts = {"a".getBytes(StandardCharsets.UTF_8), "data: {\"x\":1}".getBytes(StandardCharsets.UTF_8),
                "\u00e9".getBytes(StandardCharsets.UTF_8), "\u20ac".getBytes(StandardCharsets.UTF_8),
                "\ud83d\ude00".getBytes(StandardCharsets.UTF_8), {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {'\r'}, {0x7F}, {0}};
        for (int round = 0; round < 3000; round++) {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            int pieces = random.nextInt(random.nextInt(10) == 0 ? 400 : 8);
            for (int i = 0; i < pieces; i++) {
                byte[] part = parts[random.nextInt(random.nextInt(3) == 0 ? parts.length : 5)];
                line.write(part, 0, part.length);
            }
            byte[] bytes = line.toByteArray();
            byte[] body = java.util.Arrays.copyOf(bytes, bytes.length + 1);
            body[bytes.length] = '\n';
            int most = 1 + random.nextInt(300);
            InputStream pieced = new ByteArrayInputStream(body) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    return super.read(b, off, Math.min(most, len));
                }
            };
            byte[] unterminated = bytes.length > 0 && bytes[bytes.length - 1] == '\r'
                    ? java.util.Arrays.copyOf(bytes, bytes.length - 1) : bytes;
            String expected;
            try {
                // The JDK's own strict decoder, not the reader's: the oracle shares no code with what it checks.
                expected = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(unterminated)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                expected = null;
            }
            BodyLines lines = new BodyLines(pieced, 1 << 20);
            if (expected == null) {
                assertThatThrownBy(lines::next).as("round %d", round).isInstanceOfSatisfying(CallFailure.class,
                        f -> assertThat(f.kind()).isEqualTo(ErrorKind.PROTOCOL));
            } else {
                assertThat(lines.next()).as("round %d", round).isEqualTo(expected);
                assertThat(lines.next()).isNull();
            }
        }
    }

    @Test
    void oneReaderKeepsNoStateFromALineToTheNext() throws Exception {
        byte[] body = concat("ascii\r\n", "caf\u00e9\n", "x".repeat(20_000) + "\n", "\n", "\u20ac\r\n");
        BodyLines lines = new BodyLines(new ByteArrayInputStream(body), 1 << 20);
        assertThat(lines.next()).isEqualTo("ascii");
        assertThat(lines.next()).isEqualTo("caf\u00e9");
        assertThat(lines.next()).isEqualTo("x".repeat(20_000));
        assertThat(lines.next()).isEmpty();
        assertThat(lines.next()).isEqualTo("\u20ac");
        assertThat(lines.next()).isNull();
        // A bad line after good ones (one of them not ASCII, so the kept decoder has run) fails; the good ones read as they are.
        byte[] good = concat("\u00e9\n", "ok\n");
        byte[] then = java.util.Arrays.copyOf(good, good.length + 2);
        then[good.length] = (byte) 0xE9;
        then[good.length + 1] = '\n';
        BodyLines bad = new BodyLines(new ByteArrayInputStream(then), 1024);
        assertThat(bad.next()).isEqualTo("\u00e9");
        assertThat(bad.next()).isEqualTo("ok");
        assertThatThrownBy(bad::next).isInstanceOfSatisfying(CallFailure.class,
                f -> assertThat(f.kind()).isEqualTo(ErrorKind.PROTOCOL));
    }

    private static byte[] concat(String... lines) {
        return String.join("", lines).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sseReturnsOneDataLineAsItIsAndJoinsThreeWithNewlines() throws Exception {
        String body = "data: only\n\ndata:a\ndata: b\ndata:  c\n\ndata: last";
        SseReader sse = new SseReader(new BodyLines(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), 1024));
        assertThat(sse.next()).isEqualTo("only");
        assertThat(sse.next()).isEqualTo("a\nb\n c");
        assertThat(sse.next()).isEqualTo("last");
        assertThat(sse.next()).isNull();
    }

    @Test
    void sseJoinsDataLinesAndSkipsCommentsAndOtherFields() throws Exception {
        String body = ": ping\n\nevent: message\nid: 7\ndata: {\"a\":\ndata: 1}\n\nretry: 10\ndata:[DONE]\n\n";
        SseReader sse = new SseReader(new BodyLines(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), 1024));
        assertThat(sse.next()).isEqualTo("{\"a\":\n1}");
        assertThat(sse.next()).isEqualTo("[DONE]");
        assertThat(sse.next()).isNull();
    }

    @Test
    void latencyAndTtftAreRoundedToTheNearestMillisecondNotTruncated() {
        long[] clock = {0};
        StreamTimer timer = new StreamTimer(() -> clock[0]);
        clock[0] = 2_600_000;                      // first piece at 2.6 ms
        timer.piece("Once");
        clock[0] = 19_400_000;                     // last byte at 19.4 ms
        timer.finish();

        assertThat(timer.ttftMs()).isEqualTo(3);
        assertThat(timer.latencyMs()).isEqualTo(19);
    }

    @Test
    void aChunkOfSeveralTokensSpreadsItsGapOverThem() {
        long[] clock = {0};
        StreamTimer timer = new StreamTimer(() -> clock[0]);
        clock[0] = 100_000_000;                    // first piece at 100 ms: ttft
        timer.piece("Hello");
        clock[0] = 110_000_000;                    // +10 ms, one token
        timer.piece(" world");
        clock[0] = 140_000_000;                    // +30 ms, three tokens: 10 ms each
        timer.piece(" one two three");
        clock[0] = 200_000_000;                    // +60 ms, one token
        timer.piece("!");
        timer.piece("");                           // no token, no gap
        clock[0] = 250_000_000;
        timer.finish();

        assertThat(TokenCounter.count(" one two three")).isEqualTo(3);
        assertThat(timer.ttftMs()).isEqualTo(100);
        assertThat(timer.latencyMs()).isEqualTo(250);
        TokenGaps gaps = timer.gaps();
        assertThat(gaps.tokens()).isEqualTo(5);
        assertThat(gaps.p50Ms()).isEqualTo(10.0);
        assertThat(gaps.p90Ms()).isEqualTo(60.0);
        assertThat(gaps.maxMs()).isEqualTo(60.0);
    }

    @Test
    void withTheServersCountTheGapsNeedNoTokenizer() {
        long[] clock = {0};
        StreamTimer timer = new StreamTimer(() -> clock[0]);
        clock[0] = 100_000_000;
        timer.piece("ab");
        clock[0] = 110_000_000;                    // +10 ms for 2 of the server's 8 tokens: 5 ms each
        timer.piece("cd");
        clock[0] = 150_000_000;                    // +40 ms for 4 of them: 10 ms each
        timer.piece("efgh");
        timer.finish();

        TokenGaps gaps = timer.gaps(8);
        assertThat(gaps.tokens()).isEqualTo(6);
        assertThat(gaps.p50Ms()).isEqualTo(10.0);
        assertThat(gaps.maxMs()).isEqualTo(10.0);
        // A server that counts fewer tokens than pieces: each non-empty piece is still at least one token.
        assertThat(timer.gaps(1).tokens()).isEqualTo(2);
        assertThat(timer.gaps(1).p50Ms()).isEqualTo(10.0);
        assertThat(timer.gaps(1).maxMs()).isEqualTo(40.0);
    }

    @Test
    void tpotIsTheTimeAfterTheFirstTokenOverTheTokensAfterIt() {
        CallResult r = new CallResult("x", null, null, null, 200, 1100, 100L, 5, 11, false, "stop", 1, List.of(),
                java.util.Map.of(), 1, 1, null, true);
        assertThat(r.tpotMs()).isEqualTo(100.0);
        assertThat(r.completionTokensPerSecond()).isEqualTo(10.0);
    }

    @Test
    void tokenCountsComeFromARealTokenizerAndSpecialTokensInOutputAreJustText() {
        assertThat(TokenCounter.count("hello world")).isEqualTo(2);
        assertThat(TokenCounter.count("")).isZero();
        assertThat(TokenCounter.count("<|endoftext|> <|im_start|>")).isPositive();
        List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.system("hello"), ChatMessage.user("world")));
        assertThat(TokenCounter.count(messages)).isEqualTo(2);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(HttpTransport.retryAfterMs("3")).isEqualTo(3000);
        assertThat(HttpTransport.retryAfterMs("soon")).isEqualTo(-1);
        String inTenSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(10));
        assertThat(HttpTransport.retryAfterMs(inTenSeconds)).isBetween(8_000L, 10_000L);
    }

    @Test
    void settingsNeverShowTheKey() {
        var s = ClientSettings.of("http://127.0.0.1:1/v1", java.time.Duration.ofSeconds(1), 0).withApiKey("sk-canary-123");
        assertThat(s.toString()).doesNotContain("sk-canary-123").contains("apiKey=***");
    }
}
