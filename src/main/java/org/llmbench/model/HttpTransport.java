package org.llmbench.model;

import java.io.EOFException;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * The HTTP plumbing shared by the real clients: one JDK HttpClient, a deadline over the whole call
 * (headers and body), a cap on body size, strict UTF-8, and every failure mapped to an {@link ErrorKind}. It sends
 * the API key and masks nothing: what it returns or throws leaves the client through its {@link Redactor}.
 */
final class HttpTransport implements AutoCloseable {

    /** A response: status and headers, its body (streamed or whole) and the deadline of the call. */
    record Opened(HttpResponse<ResponseBodies.Payload> response, CallDeadlines.Deadline deadline) {
        int status() {
            return response.statusCode();
        }

        boolean ok() {
            return status() >= 200 && status() < 300;
        }

        /** True when the body is to be read as it arrives, through {@link #stream()}. */
        boolean streamed() {
            return response.body().streamed();
        }

        InputStream stream() {
            return response.body().stream();
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
                // The client's own tasks run where they arise (its selector thread, or the caller) instead of being
                // handed to a worker pool: a streamed chunk then wakes two threads, not three. Nothing the client
                // calls back blocks (bodies are queued or collected, requests are byte arrays). 20 calls against
                // llama-server: 0.3 s less CPU of the jar; 1-16 lanes against a zero-latency server: 109-131 % of
                // a default-executor HttpClient's calls/s, 20-25 % less CPU per call.
                .executor(Runnable::run)
                .build();
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
        this.secret = secret;
    }

    /**
     * Sends a request. A 2xx body whose media type {@code streams} accepts (lower case, no parameters) is left for
     * the caller to read as it arrives; any other body is read whole before this returns. The deadline ends the
     * call {@code timeout} after {@code startNanos}, headers and body together; the caller closes it when done.
     */
    Opened open(HttpRequest.Builder builder, long startNanos, Predicate<String> streams) throws CallFailure {
        if (secret != null) {
            builder.header("Authorization", "Bearer " + secret);
        }
        HttpRequest request = builder.timeout(timeout).build();
        CallDeadlines.Deadline deadline = CallDeadlines.watch(startNanos + timeout.toNanos());
        HttpResponse<ResponseBodies.Payload> response = null;
        try {
            response = send(request, ResponseBodies.handler(streams, maxBodyBytes, ERROR_EXCERPT_BYTES, deadline));
            return new Opened(response, deadline);
        } catch (HttpConnectTimeoutException e) {
            throw new CallFailure(ErrorKind.TIMEOUT, "connect timed out after " + connectTimeout.toMillis() + " ms");
        } catch (HttpTimeoutException e) {
            throw new CallFailure(ErrorKind.TIMEOUT, "no response within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            throw new CallFailure(ErrorKind.CONNECTION, "connection refused: " + request.uri().getHost() + ":" + request.uri().getPort());
        } catch (IOException e) {
            throw readFailure(deadline, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailure(ErrorKind.CONNECTION, "interrupted");
        } finally {
            if (response == null) {
                deadline.close();
            }
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> bodies)
            throws IOException, InterruptedException {
        AtomicBoolean answered = new AtomicBoolean();
        try {
            return client.send(request, info -> {
                answered.set(true);
                return bodies.apply(info);
            });
        } catch (IOException e) {
            if (answered.get() || !closedBeforeAnswering(e)) {
                throw e; // a body cut short after the headers is a lost connection, not a request to send again
            }
            // Servers close idle keep-alive connections (llama.cpp's and Go's after seconds); a request sent on one
            // as it closes gets no answer. The JDK resends such requests itself only for GET and HEAD, so this POST
            // is resent here, once; the pool has dropped the dead connection by now.
            return client.send(request, bodies);
        }
    }

    /**
     * Whether a send failed because its connection ended before any byte of an answer arrived: the server closed
     * it (end-of-stream), or the JDK client closed a pooled connection under it ("connection closed locally", seen
     * about once in 170,000 calls at 16 lanes while answers were read through the JDK's InputStream reader).
     * Either way the server answered nothing, so sending again is safe.
     */
    static boolean closedBeforeAnswering(IOException e) {
        if (e instanceof HttpTimeoutException || e instanceof ConnectException) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException || String.valueOf(t.getMessage()).contains("received no bytes")) {
                return true;
            }
        }
        return false;
    }

    /** Sends a request and returns its whole body, failing on HTTP errors with their kind. */
    String exchange(HttpRequest.Builder builder) throws CallFailure {
        return whole(open(builder, System.nanoTime(), mediaType -> false));
    }

    /**
     * The body of a response read whole: strictly decoded for a 2xx status, within the size cap; an error status
     * becomes its error kind with a few KiB of the server's message. Ends the call's deadline.
     */
    String whole(Opened opened) throws CallFailure {
        try (CallDeadlines.Deadline ignored = opened.deadline()) {
            ResponseBodies.Payload body = opened.response().body();
            if (!opened.ok()) {
                failOnStatus(opened.status(), opened.response(), new String(body.bytes(), StandardCharsets.UTF_8));
            }
            if (body.overCap()) {
                throw new CallFailure(ErrorKind.TOO_LARGE, "response body over " + maxBodyBytes + " bytes");
            }
            return decode(body.bytes());
        }
    }

    /** A failed send or read: a timeout when the deadline ended it, else a lost connection. */
    CallFailure readFailure(CallDeadlines.Deadline deadline, IOException e) {
        if (deadline.expired()) {
            return new CallFailure(ErrorKind.TIMEOUT, "no complete answer within " + timeout.toMillis() + " ms");
        }
        return new CallFailure(ErrorKind.CONNECTION, "connection lost: " + e.getMessage());
    }

    /**
     * Maps a non-2xx status to its error kind, with the server's message (a few KiB at most); the client's
     * {@link Redactor} masks credentials in it and only then shortens it, so a cut cannot leave half a key.
     */
    void failOnStatus(int status, HttpResponse<?> response, String body) throws CallFailure {
        if (status >= 200 && status < 300) {
            return;
        }
        String excerpt = body == null ? "" : body.strip();
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
