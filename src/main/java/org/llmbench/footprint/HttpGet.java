package org.llmbench.footprint;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import org.llmbench.json.Json;

/** A small GET of a server's status endpoint ({@code /api/ps}, {@code /slots}): short deadlines, a capped body. */
final class HttpGet {

    private static final int MAX_BODY = 1024 * 1024;
    private static final int TIMEOUT_MS = 2000;

    private HttpGet() {
    }

    /** The JSON a 200 answer holds; an exception naming the status or the failure otherwise. */
    static JsonNode json(String url) throws IOException {
        return json(url, java.util.Optional.empty());
    }

    /**
     * The same, with the run's API key as a bearer token: a llama.cpp server started with {@code --api-key} answers
     * its status endpoints only with it. The key goes into the request header and nowhere else.
     */
    static JsonNode json(String url, java.util.Optional<String> apiKey) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection(Proxy.NO_PROXY);
        apiKey.ifPresent(key -> c.setRequestProperty("Authorization", "Bearer " + key));
        c.setConnectTimeout(TIMEOUT_MS);
        c.setReadTimeout(TIMEOUT_MS);
        c.setInstanceFollowRedirects(false);
        try {
            int status = c.getResponseCode();
            if (status != 200) {
                throw new IOException("HTTP " + status);
            }
            try (InputStream in = c.getInputStream()) {
                return Json.MAPPER.readTree(in.readNBytes(MAX_BODY));
            }
        } finally {
            c.disconnect();
        }
    }
}
