package org.llmbench.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpGetTest {

    /** A llama.cpp server started with --api-key answers /props only with the key; the key is sent as a bearer token. */
    @Test
    void sendsTheRunsKeyAsABearerTokenAndNamesOnlyTheStatus() throws Exception {
        List<String> seen = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/props", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            seen.add(String.valueOf(auth));
            boolean ok = "Bearer sk-key".equals(auth);
            byte[] body = (ok ? "{\"total_slots\": 1}" : "{\"error\": \"invalid key " + auth + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/props";
            assertThat(HttpGet.json(url, Optional.of("sk-key")).path("total_slots").asInt()).isEqualTo(1);
            assertThatThrownBy(() -> HttpGet.json(url, Optional.of("sk-wrong"))).hasMessage("HTTP 401")
                    .hasMessageNotContaining("sk-wrong");
            assertThatThrownBy(() -> HttpGet.json(url)).hasMessage("HTTP 401");
            assertThat(seen).containsExactly("Bearer sk-key", "Bearer sk-wrong", "null");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theSettingsNeverShowTheKey() {
        FootprintSettings settings = new FootprintSettings(org.llmbench.config.Provider.OPENAI, "http://127.0.0.1:1/v1", 0,
                1000, java.nio.file.Path.of("/nonexistent"), "", FootprintSettings.ProcessTableSource.system(),
                () -> Optional.of("sk-secret-in-settings"));
        assertThat(settings.apiKey()).contains("sk-secret-in-settings");
        assertThat(settings.toString()).doesNotContain("sk-secret-in-settings");
    }
}
