package org.llmbench.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmbench.testing.SharedModel;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.config.Provider;
import org.llmbench.record.Energy;
import org.llmbench.record.Memory;
import org.llmbench.record.RunEvent.Footprint;
import org.llmbench.record.Stamp;
import org.llmbench.record.Unavailable;

/**
 * A real local server process (a small python3 HTTP server answering {@code /slots} as llama-server does) whose memory
 * grows while its window is open: the sampler finds it from its port and records its resident memory at load and at
 * its peak; energy on a machine without counters says why, never 0. A port nobody listens on says so too.
 */
@EnabledOnOs(OS.LINUX)
class ServerProcessFootprintTest {

    private static final String SERVER = """
            import http.server, sys
            held = []
            class H(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    if self.path == '/grow':
                        held.append(bytearray(b'\\x01') * (96 << 20))  # written, so resident
                        body = b'grown'
                    elif self.path == '/slots':
                        body = b'[{"id":0,"n_ctx":128}]'
                    else:
                        self.send_response(404); self.end_headers(); return
                    self.send_response(200); self.send_header('Content-Length', str(len(body))); self.end_headers()
                    self.wfile.write(body)
                def log_message(self, *a):
                    pass
            s = http.server.HTTPServer(('127.0.0.1', 0), H)
            print(s.server_address[1], flush=True)
            s.serve_forever()
            """;

    @TempDir
    Path temp;
    private Process child;

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    private final java.util.List<Thread> made = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final ThreadFactory THREADS = r -> {
        Thread t = new Thread(r, "footprint-test");
        t.setDaemon(true);
        made.add(t);
        return t;
    };

    private FootprintSettings settings(String url) {
        return new FootprintSettings(Provider.OPENAI, url, 4096, 100, temp.resolve("no-powercap"), temp.toString(),
                FootprintSettings.ProcessTableSource.system());
    }

    @Test
    void theServerProcessIsFoundFromItsPortAndItsGrowthIsThePeak() throws Exception {
        Path python = Files.isExecutable(Path.of("/usr/bin/python3")) ? Path.of("/usr/bin/python3") : Path.of("python3");
        child = new ProcessBuilder(python.toString(), "-c", SERVER).redirectErrorStream(true).start();
        int port = Integer.parseInt(new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                .readLine().strip());
        String url = "http://127.0.0.1:" + port;
        String model = SharedModel.find().map(Path::toString).orElse("stories260K");
        try (RunFootprint footprint = RunFootprint.start(settings(url), THREADS)) {
            footprint.modelStarted(model);
            Thread.sleep(250);
            get(url + "/grow");
            Thread.sleep(400);
            Footprint f = footprint.modelEnded(model, Stamp.now("r"));
            // What the sampler's thread spent per tick (a /proc read of the server's status): far below a model's time.
            long cpuNanos = java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(made.get(0).getId());
            System.out.printf("footprint sampler: %d ticks, %.3f ms of CPU per tick%n", f.samples(), cpuNanos / 1e6 / f.samples());
            assertThat(cpuNanos / f.samples()).isLessThan(5_000_000L);
            Memory memory = f.memory();
            assertThat(memory.source()).isEqualTo("process_rss");
            assertThat(memory.readings().get(0).what()).contains("pid " + child.pid()).contains("port " + port);
            assertThat(memory.atLoadBytes()).isPositive();
            assertThat(memory.peakBytes() - memory.atLoadBytes()).isGreaterThan(80L << 20);
            assertThat(f.samples()).isGreaterThanOrEqualTo(3);
            assertThat(f.windowMs()).isGreaterThanOrEqualTo(600);
            if (SharedModel.find().isPresent()) {
                assertThat(memory.kvCacheBytes()).isEqualTo(KvCacheTest.STORIES_PER_TOKEN * 128);
            } else {
                assertThat(memory.unavailable()).extracting(Unavailable::source).contains("kv_cache_estimate");
            }
            Energy energy = f.energy();
            assertThat(energy.joules()).isNull();
            assertThat(energy.unavailable()).extracting(Unavailable::source).containsExactly("rapl", "nvidia_smi");
            assertThat(energy.unavailable().get(0).reason()).startsWith("no RAPL counter");
        }
    }

    @Test
    void aPortNobodyListensOnAndARemoteServerSayWhy() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (RunFootprint footprint = RunFootprint.start(settings("http://127.0.0.1:" + port), THREADS)) {
            footprint.modelStarted("m");
            Memory memory = footprint.modelEnded("m", Stamp.now("r")).memory();
            assertThat(memory.peakBytes()).isNull();
            assertThat(memory.unavailable()).extracting(Unavailable::reason).first().asString()
                    .startsWith("no process listens on TCP port " + port + " here");
        }
        try (RunFootprint footprint = RunFootprint.start(settings("http://192.0.2.1:8080"), THREADS)) {
            footprint.modelStarted("m");
            Footprint f = footprint.modelEnded("m", Stamp.now("r"));
            assertThat(f.memory().unavailable()).singleElement().satisfies(u ->
                    assertThat(u.reason()).startsWith("remote server (http://192.0.2.1:8080)"));
            assertThat(f.energy().joules()).isNull();
            assertThat(f.energy().unavailable()).singleElement().satisfies(u ->
                    assertThat(u.reason()).isEqualTo("remote server: its energy is not measurable from here"));
        }
    }

    private static void get(String url) throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        assertThat(c.getResponseCode()).isEqualTo(200);
        c.getInputStream().readAllBytes();
        c.disconnect();
    }
}
