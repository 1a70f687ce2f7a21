package org.llmbench.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The HTTP plumbing shared by the real clients: one JDK HttpClient, a deadline over the whole call
 * (headers and body), a cap on body size, strict UTF-8, and every failure mapped to an {@link ErrorKind}.
 */
final class HttpTransport implements AutoCloseable {

    /** A response whose body is still to be read (streaming) through {@link #body}. */
    record Opened(int status, HttpResponse<InputStream> response, CallDeadlines.Deadline deadline) {
        InputStream body() {
            return response.body();
        }

        /** The media type without parameters, lower-cased; empty when the server sent none. */
        String mediaType() {
            String type = response.headers().firstValue("Content-Type").orElse("");
            int semi = type.indexOf(';');
            return (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final int ERROR_EXCERPT_BYTES = 4096;

    private final HttpClient client;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final long maxBodyBytes;
    private final String secret;

    HttpTransport(Duration timeout, Duration connectTimeout, long maxBodyBytes, String secret) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
        this.secret = secret;
    }

    /**
     * Sends a request and returns once headers arrive; the body is read by the caller under the deadline,
     * which ends the call {@code timeout} after {@code startNanos} (headers and body together).
     */
    Opened open(HttpRequest.Builder builder, long startNanos) throws CallFailure {
        if (secret != null) {
            builder.header("Authorization", "Bearer " + secret);
        }
        HttpRequest request = builder.timeout(timeout).build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            CallDeadlines.Deadline deadline = CallDeadlines.watch(response.body(), startNanos + timeout.toNanos());
            return new Opened(response.statusCode(), response, deadline);
        } catch (HttpConnectTimeoutException e) {
            throw new CallFailure(ErrorKind.TIMEOUT, "connect timed out after " + connectTimeout.toMillis() + " ms");
        } catch (HttpTimeoutException e) {
            throw new CallFailure(ErrorKind.TIMEOUT, "no response within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            throw new CallFailure(ErrorKind.CONNECTION, "connection refused: " + request.uri().getHost() + ":" + request.uri().getPort());
        } catch (IOException e) {
            throw new CallFailure(ErrorKind.CONNECTION, "connection failed: " + scrub(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailure(ErrorKind.CONNECTION, "interrupted");
        }
    }

    /** Sends and reads the whole body (capped), failing on HTTP errors with their kind. */
    String exchange(HttpRequest.Builder builder) throws CallFailure {
        return readAll(open(builder, System.nanoTime()));
    }

    /**
     * Reads a whole body under its deadline: capped and strictly decoded for a 2xx answer; for an error status
     * only a few KiB are read, for the message, and the status decides the error kind.
     */
    String readAll(Opened opened) throws CallFailure {
        try (CallDeadlines.Deadline ignored = opened.deadline(); InputStream in = opened.body()) {
            long cap = opened.ok() ? maxBodyBytes : ERROR_EXCERPT_BYTES;
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            if (!opened.ok()) {
                failOnStatus(opened.status(), opened.response(),
                        new String(bytes, 0, (int) Math.min(bytes.length, cap), StandardCharsets.UTF_8));
            }
            if (bytes.length > maxBodyBytes) {
                throw new CallFailure(ErrorKind.TOO_LARGE, "response body over " + maxBodyBytes + " bytes");
            }
            return decode(bytes);
        } catch (IOException e) {
            throw readFailure(opened.deadline(), e);
        }
    }

    CallFailure readFailure(CallDeadlines.Deadline deadline, IOException e) {
        if (deadline.expired()) {
            return new CallFailure(ErrorKind.TIMEOUT, "no complete answer within " + timeout.toMillis() + " ms");
        }
        return new CallFailure(ErrorKind.CONNECTION, "connection lost while reading: " + scrub(String.valueOf(e.getMessage())));
    }

    /** Maps a non-2xx status to its error kind, with a short excerpt of the server's message. */
    void failOnStatus(int status, HttpResponse<?> response, String body) throws CallFailure {
        if (status >= 200 && status < 300) {
            return;
        }
        String excerpt = scrub(body == null ? "" : body.strip());
        excerpt = excerpt.length() > 300 ? excerpt.substring(0, 300) + "..." : excerpt;
        if (status == 429) {
            long retryAfter = response.headers().firstValue("Retry-After").map(HttpTransport::retryAfterMs).orElse(-1L);
            throw new CallFailure(ErrorKind.RATE_LIMITED, "HTTP 429: " + excerpt, status, retryAfter);
        }
        throw new CallFailure(status >= 500 ? ErrorKind.HTTP_5XX : ErrorKind.HTTP_4XX, "HTTP " + status + ": " + excerpt, status, -1);
    }

    static String decode(byte[] bytes) throws CallFailure {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CallFailure(ErrorKind.PROTOCOL, "response is not valid UTF-8");
        }
    }

    long maxBodyBytes() {
        return maxBodyBytes;
    }

    static HttpRequest.Builder post(URI uri, String json, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return b;
    }

    static HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).GET();
    }

    /** Removes the API key from any text that might reach a log or the ledger. */
    String scrub(String text) {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "***");
    }

    /** Retry-After as delay-seconds or an HTTP date (RFC 9110); -1 when it is neither. */
    static long retryAfterMs(String value) {
        String v = value.trim();
        try {
            return Math.max(0, Long.parseLong(v) * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                var when = java.time.ZonedDateTime.parse(v, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, when.toInstant().toEpochMilli() - System.currentTimeMillis());
            } catch (java.time.format.DateTimeParseException notDate) {
                return -1;
            }
        }
    }

    @Override
    public void close() {
        // HttpClient has no close() before Java 21; its threads are daemons and end with the JVM.
    }
}
