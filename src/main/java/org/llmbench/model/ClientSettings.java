package org.llmbench.model;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.llmbench.config.BenchConfig;

/**
 * How a real client reaches its server. {@link #toString()} hides the API key, so a settings object can be
 * logged or put in a message without leaking it.
 *
 * @param apiKey sent as a bearer token when not null; written nowhere
 * @param timeout per attempt, from send to the last byte
 * @param backoffMs wait before the first retry; doubles for each further retry (a Retry-After wins)
 */
public record ClientSettings(String baseUrl, String apiKey, Duration timeout, Duration connectTimeout, int retries,
                             long backoffMs, int lanes, long maxBodyBytes) {

    static final long DEFAULT_BACKOFF_MS = 500;
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    /** The settings of a run; {@code env} looks up environment variables (tests pass their own). */
    public static ClientSettings of(BenchConfig config, UnaryOperator<String> env) {
        Duration timeout = Duration.ofSeconds(config.timeoutS());
        return new ClientSettings(config.url(), config.apiKey(env).orElse(null), timeout,
                timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT, config.retries(),
                DEFAULT_BACKOFF_MS, config.lanes(), config.maxBodyBytes());
    }

    /** Settings with defaults for what a caller does not care about (tests, probes). */
    public static ClientSettings of(String baseUrl, Duration timeout, int retries) {
        return new ClientSettings(baseUrl, null, timeout, timeout, retries, DEFAULT_BACKOFF_MS, 1, 8L * 1024 * 1024);
    }

    /** The same settings for another server (one of {@code bench.url=a,b}). */
    public ClientSettings withBaseUrl(String url) {
        return new ClientSettings(url, apiKey, timeout, connectTimeout, retries, backoffMs, lanes, maxBodyBytes);
    }

    public ClientSettings withApiKey(String key) {
        return new ClientSettings(baseUrl, key, timeout, connectTimeout, retries, backoffMs, lanes, maxBodyBytes);
    }

    public ClientSettings withBackoffMs(long ms) {
        return new ClientSettings(baseUrl, apiKey, timeout, connectTimeout, retries, ms, lanes, maxBodyBytes);
    }

    public ClientSettings withConnectTimeout(Duration d) {
        return new ClientSettings(baseUrl, apiKey, timeout, d, retries, backoffMs, lanes, maxBodyBytes);
    }

    public ClientSettings withMaxBodyBytes(long bytes) {
        return new ClientSettings(baseUrl, apiKey, timeout, connectTimeout, retries, backoffMs, lanes, bytes);
    }

    HttpTransport transport() {
        return new HttpTransport(timeout, connectTimeout, maxBodyBytes, apiKey);
    }

    Retrier retrier() {
        return new Retrier(retries, backoffMs);
    }

    @Override
    public String toString() {
        return "ClientSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***") + ", timeout="
                + timeout + ", connectTimeout=" + connectTimeout + ", retries=" + retries + ", backoffMs=" + backoffMs
                + ", lanes=" + lanes + ", maxBodyBytes=" + maxBodyBytes + "]";
    }
}
