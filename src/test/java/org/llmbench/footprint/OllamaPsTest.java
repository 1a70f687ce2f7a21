package org.llmbench.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmbench.record.Memory;

/** A fake Ollama {@code /api/ps} on 127.0.0.1: size and size_vram at load and peak; a model not loaded, an error, say why. */
class OllamaPsTest {

    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int status = 200;

    private String start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/ps", exchange -> {
            int n = calls.incrementAndGet();
            // The model is reloaded with a larger context after the first reading: its size grows.
            byte[] body = ("{\"models\":[{\"name\":\"other:7b\",\"model\":\"other:7b\",\"size\":1,\"size_vram\":1},"
                    + "{\"name\":\"llama3:latest\",\"model\":\"llama3:latest\",\"size\":" + (n == 1 ? 5_000_000_000L : 6_000_000_000L)
                    + ",\"size_vram\":" + (n == 1 ? 4_000_000_000L : 4_500_000_000L) + ",\"digest\":\"abc\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static Memory finish(Meter meter) {
        Readings out = new Readings();
        meter.finish(out);
        return out.memory();
    }

    @Test
    void sizeAndVramAtLoadAndPeakOfTheModelAskedFor() throws IOException {
        OllamaPs meter = new OllamaPs(start() + "/", "llama3");
        meter.sample();
        Memory memory = finish(meter);
        assertThat(memory.atLoadBytes()).isEqualTo(5_000_000_000L);
        assertThat(memory.peakBytes()).isEqualTo(6_000_000_000L);
        assertThat(memory.source()).isEqualTo("ollama_ps");
        assertThat(memory.vramAtLoadBytes()).isEqualTo(4_000_000_000L);
        assertThat(memory.vramPeakBytes()).isEqualTo(4_500_000_000L);
        assertThat(memory.vramSource()).isEqualTo("ollama_ps_vram");
        assertThat(memory.unavailable()).isEmpty();
    }

    @Test
    void aModelNotLoadedAndAServerErrorSayWhy() throws IOException {
        String url = start();
        Memory absent = finish(new OllamaPs(url, "qwen2.5:7b"));
        assertThat(absent.peakBytes()).isNull();
        assertThat(absent.unavailable()).singleElement().satisfies(u ->
                assertThat(u.reason()).isEqualTo("the model is not among those " + url + "/api/ps lists as loaded"));
        status = 500;
        Memory failed = finish(new OllamaPs(url, "llama3"));
        assertThat(failed.atLoadBytes()).isNull();
        assertThat(failed.unavailable().get(0).reason()).isEqualTo("GET " + url + "/api/ps failed: HTTP 500");
        server.stop(0);
        server = null;
        assertThat(finish(new OllamaPs(url, "llama3")).unavailable().get(0).reason()).startsWith("GET " + url + "/api/ps failed: ");
    }
}
