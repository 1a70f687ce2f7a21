package org.llmbench.perf;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.llmbench.model.ChatMessage;
import org.llmbench.model.ChatRequest;
import org.llmbench.model.GenerationOptions;
import org.llmbench.model.ModelClient;
import org.llmbench.model.ClientSettings;
import org.llmbench.model.OpenAiClient;
import org.llmbench.testing.ChildJvm;
import org.llmbench.testing.FakeModelServer;
import org.llmbench.testing.GeneratedSuite;

/**
 * The harness's own cost, printed as figures against their targets (README, "Performance"). Run with
 * {@code mvn -Pperf -DskipTests package exec:exec@harness-benchmark}. Timing is wall clock on a shared
 * machine: read the figures as orders of magnitude, and compare runs on the same machine only.
 */
public final class HarnessBenchmark {

    private static final int QUESTIONS = 2_000;
    private static final int REPETITIONS = 3;
    private static final long WINDOW_MS = 2_000;
    private static final int WARM_UP_WINDOWS = 6;
    private static final int MEASURED_WINDOWS = 5;

    private HarnessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("llm-bench-perf");
        Path suites = work.resolve("suites");
        GeneratedSuite.write(suites, "perf", QUESTIONS);
        System.out.printf(Locale.ROOT, "llm-bench harness benchmark (%d cores, java %s)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        // -Dperf.only=throughput,startup runs some sections only (mvn ... -Dperf.only=throughput).
        List<String> only = List.of(System.getProperty("perf.only", "overhead,throughput,scale,startup,observer").split(","));
        if (only.contains("overhead")) {
            overhead(work, suites, false);
            overhead(work, suites, true);
        }
        if (only.contains("throughput")) {
            throughput();
        }
        if (only.contains("scale")) {
            scale(work);
        }
        if (only.contains("startup")) {
            startup();
        }
        if (only.contains("observer")) {
            // -Dperf.jar=... measures another build of the jar (e.g. a copy of the one before a change).
            Path jar = Path.of(System.getProperty("perf.jar", "target/llm-bench.jar"));
            var settings = Boolean.getBoolean("perf.short") ? ObserverBenchmark.Settings.quick()
                    : ObserverBenchmark.Settings.full(Files.exists(jar) ? jar.toAbsolutePath() : null);
            // -Dperf.url=http://127.0.0.1:8080 [-Dperf.model=NAME]: a running llama-server instead of the stand-in.
            String url = System.getProperty("perf.url", "");
            if (!url.isBlank()) {
                settings = settings.against(java.net.URI.create(url), System.getProperty("perf.model", ""));
            }
            ObserverBenchmark.Result observed = new ObserverBenchmark(settings, work.resolve("observer")).run();
            if (observed.selfChecked() && !observed.burnerSeen()) {
                throw new IllegalStateException("self-check failed: the stand-in server did not slow down next to a CPU burner");
            }
        }
    }

    /** Per-question time through the whole engine and listeners with a zero-latency mock model. */
    private static void overhead(Path work, Path suites, boolean allure) {
        Map<String, String> params = new HashMap<>(Map.of("bench.model", "mock", "bench.phases", "all",
                "bench.out", work.resolve("out").toString()));
        // Listener deactivation is read from system properties, not from a request's configuration parameters.
        if (allure) {
            System.clearProperty("junit.platform.execution.listeners.deactivate");
        } else {
            System.setProperty("junit.platform.execution.listeners.deactivate", "io.qameta.allure.*");
        }
        runOnce(suites, params, null);
        List<Long> perTest = Collections.synchronizedList(new ArrayList<>());
        long wall = 0;
        for (int i = 0; i < REPETITIONS; i++) {
            long start = System.nanoTime();
            runOnce(suites, params, new Timing(perTest));
            wall += System.nanoTime() - start;
        }
        List<Long> sorted = new ArrayList<>(perTest);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "overhead per question %s Allure: median %.3f ms, p99 %.3f ms, whole-run mean %.3f ms"
                        + " (target: median <= 1 ms without Allure)%n", allure ? "with" : "without",
                percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6, wall / 1e6 / (REPETITIONS * QUESTIONS));
    }

    private static void runOnce(Path suites, Map<String, String> params, TestExecutionListener listener) {
        var request = LauncherDiscoveryRequestBuilder.request().selectors(selectDirectory(suites.toFile()))
                .filters(EngineFilter.includeEngines("llm-bench")).configurationParameters(params).build();
        var launcher = LauncherFactory.create();
        PrintStreamMute.run(() -> {
            if (listener == null) {
                launcher.execute(request);
            } else {
                launcher.execute(request, listener);
            }
        });
    }

    /** Start-to-finish time of each test, as the launcher reports it. */
    private record Timing(List<Long> durations, Map<String, Long> started) implements TestExecutionListener {
        Timing(List<Long> durations) {
            this(durations, new ConcurrentHashMap<>());
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            if (id.isTest()) {
                started.put(id.getUniqueId(), System.nanoTime());
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            Long start = started.remove(id.getUniqueId());
            if (start != null) {
                durations.add(System.nanoTime() - start);
            }
        }
    }

    /**
     * Calls per second through OpenAiClient against a zero-latency server, and through a plain JDK HttpClient
     * loop doing the same requests. Both loops share two cores with the server, and the JIT keeps speeding up
     * the JDK's HTTP code for tens of thousands of calls (CPU per call falls fourfold over the first 20 s): a loop
     * measured first, or after a few hundred calls, looks slower than it is. So both loops are first warmed up
     * together, then alternate in fixed-length windows per lane count, and the best window of each is compared
     * (noise only ever slows a loop down). The process's CPU time per call, median of the windows, is printed as
     * well: on a shared machine it is steadier than calls/s, and the difference between the loops is the
     * client's own cost.
     */
    private static void throughput() throws Exception {
        org.llmbench.model.TokenCounter.count("load the vocabulary before anything is timed");
        try (FakeModelServer server = new FakeModelServer(FakeModelServer.answering(r -> "{\"n\": 1}"))) {
            Runnable warmHarness = harnessCall(server, 16);
            Runnable warmPlain = plainCall(server);
            for (int round = 0; round < WARM_UP_WINDOWS; round++) {
                window(16, warmHarness);
                window(16, warmPlain);
            }
            for (int lanes : new int[] {1, 4, 16}) {
                Runnable harness = harnessCall(server, lanes);
                Runnable plain = plainCall(server);
                List<Window> harnessWindows = new ArrayList<>();
                List<Window> plainWindows = new ArrayList<>();
                for (int round = 0; round <= MEASURED_WINDOWS; round++) {
                    Window h = window(lanes, harness);
                    Window p = window(lanes, plain);
                    if (round > 0) { // the first round of each lane count warms up its new clients and connections
                        harnessWindows.add(h);
                        plainWindows.add(p);
                    }
                }
                double best = harnessWindows.stream().mapToDouble(Window::callsPerSecond).max().orElseThrow();
                double plainBest = plainWindows.stream().mapToDouble(Window::callsPerSecond).max().orElseThrow();
                System.out.printf(Locale.ROOT, "calls/s at %2d lanes: openai client %.0f, plain HttpClient %.0f, ratio %.0f%%"
                                + " (target at 16 lanes: >= 90%%); windows client %s, plain %s;"
                                + " CPU per call (client, server and JIT together) client %.0f us, plain %.0f us%n",
                        lanes, best, plainBest, 100 * best / plainBest, rounded(harnessWindows), rounded(plainWindows),
                        medianCpu(harnessWindows), medianCpu(plainWindows));
            }
        }
    }

    /** One timed window: calls per second, and the process's CPU time per call. */
    private record Window(double callsPerSecond, double cpuMicrosPerCall) {
    }

    private static Runnable harnessCall(FakeModelServer server, int lanes) {
        ModelClient client = new OpenAiClient(new ClientSettings(server.openAiUrl(), null, Duration.ofSeconds(30),
                Duration.ofSeconds(30), 0, 500, lanes, 8 << 20));
        ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("Return {\"n\": 1}")),
                new GenerationOptions(0.1, 4096, 2048, 42L), null);
        Runnable call = () -> {
            var result = client.chat(request);
            if (!result.ok()) {
                throw new IllegalStateException("call failed: " + result.errorKind() + ": " + result.errorMessage());
            }
        };
        call.run(); // the plain loop sends the body this call leaves in the server's request log
        return call;
    }

    private static Runnable plainCall(FakeModelServer server) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // The same body the harness client sends, so the two loops do the same work on the wire.
        String body = server.requests().get(server.requests().size() - 1).body().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.openAiUrl() + "/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return () -> {
            try {
                try {
                    http.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (IOException closed) {
                    // The JDK client sends a POST on a pooled connection the server (or the pool itself) has just
                    // closed, and fails; any client must send it again, once, as the harness's own client does.
                    if (!String.valueOf(closed.getMessage()).contains("received no bytes")) {
                        throw closed;
                    }
                    http.send(request, HttpResponse.BodyHandlers.ofString());
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** {@code lanes} threads calling for one window of {@link #WINDOW_MS}. */
    private static Window window(int lanes, Runnable call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(lanes, r -> {
            Thread t = new Thread(r, "benchmark-lane");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(WINDOW_MS);
        List<java.util.concurrent.Future<?>> laneResults = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            laneResults.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    call.run();
                    done.incrementAndGet();
                }
            }));
        }
        try {
            for (var lane : laneResults) {
                lane.get(); // a failed call fails the benchmark instead of skewing it
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Window(done.get() / seconds, (os.getProcessCpuTime() - cpuStart) / 1e3 / done.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String rounded(List<Window> windows) {
        return windows.stream().map(w -> String.valueOf(Math.round(w.callsPerSecond())))
                .collect(java.util.stream.Collectors.joining(" ", "[", "]"));
    }

    private static double medianCpu(List<Window> windows) {
        double[] cpu = windows.stream().mapToDouble(Window::cpuMicrosPerCall).sorted().toArray();
        return cpu[cpu.length / 2];
    }

    /** Peak heap and wall time of generated suites in a child JVM capped at 256 MiB, at two sizes. */
    private static void scale(Path work) throws Exception {
        for (int size : new int[] {2_500, 10_000}) {
            Path dir = work.resolve("scale-" + size);
            GeneratedSuite.write(dir, "scale", size);
            Path log = work.resolve("scale-" + size + ".log");
            long start = System.nanoTime();
            Process p = ChildJvm.start(log, List.of("-Xmx256m", "-Djunit.platform.execution.listeners.deactivate=io.qameta.allure.*"),
                    dir, "bench.model=mock", "bench.phases=all", "bench.out=" + work.resolve("scale-out"));
            p.waitFor();
            String last = Files.readAllLines(log).stream().filter(l -> l.startsWith("tests started")).findFirst().orElse("no summary");
            System.out.printf(Locale.ROOT, "%,d questions under -Xmx256m: exit %d, wall %.1f s, %s (target: passes, heap flat with size)%n",
                    size, p.exitValue(), (System.nanoTime() - start) / 1e9, last);
        }
    }

    /** Wall time of {@code java -jar target/llm-bench.jar list}, the CLI's cold start. */
    private static void startup() throws Exception {
        Path jar = Path.of("target", "llm-bench.jar");
        if (!Files.exists(jar)) {
            System.out.println("startup of 'llm-bench.jar list': no target/llm-bench.jar (run mvn package first)");
            return;
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    jar.toString(), "list").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            times.add(System.nanoTime() - start);
        }
        Collections.sort(times);
        System.out.printf(Locale.ROOT, "startup of 'java -jar target/llm-bench.jar list': median %.2f s of 5 (target: < 1.5 s)%n",
                times.get(2) / 1e9);
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
