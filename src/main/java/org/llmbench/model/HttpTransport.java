package org.llmbench.model;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The HTTP plumbing shared by the real clients: blocking HTTP/1.1 on the calling thread ({@link HttpURLConnection}),
 * a deadline over the whole call (connect, headers and body), a cap on body size, strict UTF-8, and every failure
 * mapped to an {@link ErrorKind}. It sends the API key and masks nothing: what it returns or throws leaves the
 * client through its {@link Redactor}.
 *
 * <p>Blocking, because the model shares the CPU: the JDK {@code HttpClient} reads every streamed chunk on its
 * selector thread and wakes the reading thread for it, two wake-ups per chunk where a blocking read needs one,
 * and while a local model spins on every core each wake-up waits for a time slice. Measured against llama-server
 * (warm, one lane): latency over the server's own time 2.7-2.9 ms with a plain {@code HttpClient} loop, 1.45-1.50
 * ms with {@code HttpURLConnection}, 1.0 ms with Python's {@code http.client} (docs/PERFORMANCE.md).
 */
final class HttpTransport implements AutoCloseable {

    /** A request: method, address, headers and body (null without one). */
    record Request(String method, URI uri, Map<String, String> headers, byte[] body) {
    }

    /** A response: status and headers, its body (streamed or whole) and the deadline of the call. */
    record Opened(int status, Map<String, List<String>> headers, ResponseBodies.Payload body, CallDeadlines.Deadline deadline) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** True when the body is to be read as it arrives, through {@link #stream()}. */
        boolean streamed() {
            return body.streamed();
        }

        InputStream stream() {
            return body.stream();
        }

        /** A header's first value, whatever the case of its name. */
        java.util.Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    private static final int ERROR_EXCERPT_BYTES = 4096;

    static {
        // The JDK keeps five idle connections per server by default; lanes beyond five would open (and leave in
        // TIME_WAIT) a connection per call. Raised unless the user set it.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "256");
        }
    }

    private final Duration timeout;
    private final Duration connectTimeout;
    private final long maxBodyBytes;
    private final String secret;

    HttpTransport(Duration timeout, Duration connectTimeout, long maxBodyBytes, String secret) {
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
        this.secret = secret;
    }

    /**
     * Sends a request. A 2xx body whose media type {@code streams} accepts (lower case, no parameters) is left for
     * the caller to read as it arrives; any other body is read whole before this returns. The deadline ends the
     * call {@code timeout} after {@code startNanos}, connect, headers and body together; the caller closes it when done.
     */
    Opened open(Request request, long startNanos, Predicate<String> streams) throws CallFailure {
        CallDeadlines.Deadline deadline = CallDeadlines.watch(startNanos + timeout.toNanos());
        Opened opened = null;
        try {
            try {
                opened = send(request, startNanos, streams, deadline);
            } catch (IOException e) {
                if (deadline.expired() || !closedBeforeAnswering(e)) {
                    throw e; // a body cut short after the headers is a lost connection, not a request to send again
                }
                // Servers close kept-alive connections (llama-server after every streamed answer, llama.cpp's and
                // Go's servers when idle); a request sent on one as it closes gets no answer. Sent again, once, on
                // a new connection: the closed one has left the pool with the failure.
                opened = send(request, startNanos, streams, deadline);
            }
            return opened;
        } catch (SocketTimeoutException e) {
            if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("connect")) {
                throw new CallFailure(ErrorKind.TIMEOUT, "connect timed out after " + connectTimeout.toMillis() + " ms");
            }
            throw new CallFailure(ErrorKind.TIMEOUT, "no response within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            throw new CallFailure(ErrorKind.CONNECTION, "connection refused: " + request.uri().getHost() + ":" + request.uri().getPort());
        } catch (IOException e) {
            if (deadline.expired() && opened == null) {
                throw new CallFailure(ErrorKind.TIMEOUT, "no response within " + timeout.toMillis() + " ms");
            }
            throw readFailure(deadline, e);
        } finally {
            if (opened == null) {
                deadline.close();
            }
        }
    }

    /** One attempt on a connection from the JDK's keep-alive pool (or a new one). */
    private Opened send(Request request, long startNanos, Predicate<String> streams, CallDeadlines.Deadline deadline) throws IOException {
        HttpURLConnection c = (HttpURLConnection) request.uri().toURL().openConnection(Proxy.NO_PROXY);
        // Ends a blocked connect, write or read when the call is late, from the deadline's thread.
        deadline.onExpiry(c::disconnect);
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setConnectTimeout(millis(connectTimeout.toNanos()));
        c.setReadTimeout(millis(startNanos + timeout.toNanos() - System.nanoTime()));
        c.setRequestMethod(request.method());
        c.setRequestProperty("Accept", "*/*");
        request.headers().forEach(c::setRequestProperty);
        if (secret != null) {
            c.setRequestProperty("Authorization", "Bearer " + secret);
        }
        if (request.body() != null) {
            // Buffered, not streamed: the JDK keeps an error answer's body (a 401 in streaming mode loses it) and
            // sends the whole request at once when the status is asked for.
            c.setDoOutput(true);
            try (OutputStream out = c.getOutputStream()) {
                out.write(request.body());
            }
        }
        int status = c.getResponseCode();
        if (status < 0) {
            throw new IOException("not an HTTP response");
        }
        Map<String, List<String>> headers = c.getHeaderFields();
        boolean ok = status >= 200 && status < 300;
        try {
            if (ok && streams.test(ResponseBodies.mediaType(String.valueOf(c.getContentType() == null ? "" : c.getContentType())))) {
                return new Opened(status, headers, ResponseBodies.streamed(c.getInputStream()), deadline);
            }
            InputStream in = ok ? c.getInputStream() : c.getErrorStream();
            long declared = c.getContentLengthLong();
            return new Opened(status, headers, ResponseBodies.whole(in, ok ? maxBodyBytes : ERROR_EXCERPT_BYTES, declared), deadline);
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            throw new Answered(e);
        }
    }

    /** {@code e} as a failure after the status line arrived (tests). */
    static IOException answered(IOException e) {
        return new Answered(e);
    }

    /** A read that failed after the status line had arrived: the server answered, so the request is never resent. */
    private static final class Answered extends IOException {
        private static final long serialVersionUID = 1L;

        Answered(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** A timeout in whole milliseconds for the JDK, at least one (zero would mean none). */
    private static int millis(long nanos) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, nanos / 1_000_000));
    }

    /**
     * Whether a send failed because its connection ended before any byte of an answer arrived: the server closed
     * a kept-alive connection ("Unexpected end of file from server" while waiting for the status line, or an
     * end-of-stream). The server answered nothing, so sending again is safe.
     */
    static boolean closedBeforeAnswering(IOException e) {
        if (e instanceof Answered || e instanceof SocketTimeoutException || e instanceof ConnectException) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof EOFException || message.contains("Unexpected end of file from server")
                    || message.contains("received no bytes")) {
                return true;
            }
        }
        return false;
    }

    /** Sends a request and returns its whole body, failing on HTTP errors with their kind. */
    String exchange(Request request) throws CallFailure {
        return whole(open(request, System.nanoTime(), mediaType -> false));
    }

    /**
     * The body of a response read whole: strictly decoded for a 2xx status, within the size cap; an error status
     * becomes its error kind with a few KiB of the server's message. Ends the call's deadline.
     */
    String whole(Opened opened) throws CallFailure {
        try (CallDeadlines.Deadline ignored = opened.deadline()) {
            ResponseBodies.Payload body = opened.body();
            if (!opened.ok()) {
                failOnStatus(opened, new String(body.bytes(), StandardCharsets.UTF_8));
            }
            if (body.overCap()) {
                throw new CallFailure(ErrorKind.TOO_LARGE, "response body over " + maxBodyBytes + " bytes");
            }
            return StrictUtf8.decode(body.bytes());
        }
    }

    /** A failed send or read: a timeout when the deadline ended it, else a lost connection. */
    CallFailure readFailure(CallDeadlines.Deadline deadline, IOException e) {
        // A read times out when the call's deadline passes (its timeout is what was left of the call), which may be
        // a few ms before the deadline's sweep notices.
        if (deadline.expired() || e instanceof SocketTimeoutException) {
            return new CallFailure(ErrorKind.TIMEOUT, "no complete answer within " + timeout.toMillis() + " ms");
        }
        return new CallFailure(ErrorKind.CONNECTION, "connection lost: " + e.getMessage());
    }

    /**
     * Maps a non-2xx status to its error kind, with the server's message (a few KiB at most); the client's
     * {@link Redactor} masks credentials in it and only then shortens it, so a cut cannot leave half a key.
     */
    void failOnStatus(Opened response, String body) throws CallFailure {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return;
        }
        String excerpt = body == null ? "" : body.strip();
        if (status == 429) {
            long retryAfter = response.header("Retry-After").map(HttpTransport::retryAfterMs).orElse(-1L);
            throw new CallFailure(ErrorKind.RATE_LIMITED, "HTTP 429: " + excerpt, status, retryAfter);
        }
        throw new CallFailure(status >= 500 ? ErrorKind.HTTP_5XX : ErrorKind.HTTP_4XX, "HTTP " + status + ": " + excerpt, status, -1);
    }

    long maxBodyBytes() {
        return maxBodyBytes;
    }

    static Request post(URI uri, String json, Map<String, String> headers) {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("Content-Type", "application/json");
        all.putAll(headers);
        return new Request("POST", uri, Map.copyOf(all), json.getBytes(StandardCharsets.UTF_8));
    }

    static Request get(URI uri) {
        return new Request("GET", uri, Map.of(), null);
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
        // Nothing to close: idle connections live in the JDK's keep-alive cache, which closes them itself.
    }
}
