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
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection(Proxy.NO_PROXY);
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
