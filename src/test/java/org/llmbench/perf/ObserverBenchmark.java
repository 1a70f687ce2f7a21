package org.llmbench.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The observer effect: what the harness takes from a model that shares its CPU. A {@link StandInServer} child
 * process (fixed CPU work per token) serves the same streamed requests from a plain Python loop and from
 * llm-bench (a child JVM running the CLI: the jar when it is built, else the test classpath), alternated and
 * repeated; the server's own figures are compared (its tokens/s, requests/s, the gaps between calls) and the
 * clients' (per-call latency and TTFT over the server's time, whole-process wall, CPU and peak RSS).
 * Ratios measured side by side in one run are what counts on a shared machine; the load average is printed.
 */
final class ObserverBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOKENS = 64;
    /**
     * Two burner threads per core: with one per core, a server whose threads do not spin (the stand-in) kept 73-89 %
     * of its speed on the 2-core build machine, too close to the self-check's 90 %; llama.cpp's spinning threads fell
     * to 7-23 % either way.
     */
    private static final int BURNERS = 2 * Runtime.getRuntime().availableProcessors();

    /**
     * How much to measure. {@code rotation}: the llm-bench variants measured side by side at every lane count (the jar
     * before and after a change, on each JDK); {@code extras}: the variants measured side by side at one lane only
     * (each JVM setting alone). {@code jar} may be null: llm-bench then runs from the test classpath. {@code server}
     * is null for the stand-in server, else the base URL of a running OpenAI-compatible server (a llama.cpp
     * {@code llama-server}) serving {@code model}.
     */
    record Settings(int requests, int[] lanes, int repetitions, List<Variant> rotation, List<Variant> extras, Path jar,
                    double microsPerToken, URI server, String model) {
        Settings(int requests, int[] lanes, int repetitions, List<Variant> rotation, List<Variant> extras, Path jar, double microsPerToken) {
            this(requests, lanes, repetitions, rotation, extras, jar, microsPerToken, null, "stand-in");
        }

        /** The same measurements against a server already running at {@code url}; a blank model is the first it lists. */
        Settings against(URI url, String modelName) throws IOException, InterruptedException {
            String name = modelName;
            if (name == null || name.isBlank()) {
                HttpResponse<String> models = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/v1/models")).build(),
                        HttpResponse.BodyHandlers.ofString());
                name = JSON.readTree(models.body()).path("data").path(0).path("id").asText();
            }
            return new Settings(requests, lanes, repetitions, rotation, extras, jar, microsPerToken, url, name);
        }

        /**
         * The full run. {@code -Dperf.javas=HOME,HOME}: the JDKs to run llm-bench on, side by side (by default the
         * benchmark's own); {@code -Dperf.beforeJar=PATH}: an older build, next to this one on each of them.
         */
        static Settings full(Path jar) {
            String before = System.getProperty("perf.beforeJar", "");
            List<Path> javas = java.util.Arrays.stream(System.getProperty("perf.javas", "").split(",")).map(String::strip)
                    .filter(h -> !h.isEmpty()).map(h -> Path.of(h, "bin", "java")).collect(Collectors.toCollection(ArrayList::new));
            if (javas.isEmpty()) {
                javas.add(Path.of(System.getProperty("java.home"), "bin", "java"));
            }
            Map<String, String> noRelaunch = Map.of("LLM_BENCH_RELAUNCH", "0");
            List<Variant> rotation = new ArrayList<>();
            List<Variant> extras = new ArrayList<>();
            for (Path java : javas) {
                String on = javas.size() > 1 ? ", java " + javaVersion(java) : "";
                if (!before.isBlank()) {
                    rotation.add(new Variant("jar before" + on, List.of(), Map.of(), Path.of(before), java));
                }
                // Plain java -jar, which relaunches itself with its own settings: what a user runs.
                rotation.add(new Variant("the jar's default" + on, List.of(), Map.of(), null, java));
                // -Dperf.footprint=true: the memory and energy sampler off, and ten times as often as by default, beside
                // the default (once a second): what the sampler costs the model.
                if (Boolean.getBoolean("perf.footprint")) {
                    rotation.add(new Variant("footprint sampling off" + on, List.of("-Dbench.footprint=off"), Map.of(), null, java));
                    rotation.add(new Variant("footprint every 100 ms" + on, List.of("-Dbench.footprintPeriodMs=100"), Map.of(),
                            null, java));
                }
                extras.add(new Variant("JVM defaults, no relaunch" + on, List.of(), noRelaunch, null, java));
                extras.add(new Variant("C1 only, no archive" + on, List.of("-XX:TieredStopAtLevel=1"), Map.of(), null, java));
                extras.add(new Variant("the archive, C2 kept" + on, List.of("-Dllmbench.c1=false"), Map.of(), null, java));
            }
            // -Dperf.lanes=1 (or 4,16): the lane counts to measure; a llama-server needs as many slots (-np) as lanes.
            int[] lanes = java.util.Arrays.stream(System.getProperty("perf.lanes", "1,4,16").split(",")).map(String::strip)
                    .filter(l -> !l.isEmpty()).mapToInt(Integer::parseInt).toArray();
            // -Dperf.variants=false: only the rotation (the jar's default and the jar before), not each JVM setting alone.
            boolean variants = Boolean.parseBoolean(System.getProperty("perf.variants", "true"));
            // -Dperf.repetitions=N: alternated repetitions per figure (3 by default; more against a server whose speed drifts).
            return new Settings(20, lanes.length == 0 ? new int[] {1, 4, 16} : lanes, Integer.getInteger("perf.repetitions", 3),
                    List.copyOf(rotation), variants ? List.copyOf(extras) : List.of(), jar, 400);
        }

        /** A few seconds: one lane count, one repetition, the recommended flags only. */
        static Settings quick() {
            return new Settings(6, new int[] {1}, 1, List.of(new Variant("C1 only", List.of("-XX:TieredStopAtLevel=1"), Map.of())),
                    List.of(), null, 400);
        }

        /** "25.0.3" from the JDK's release file, else its folder's name. */
        private static String javaVersion(Path java) {
            Path home = java.getParent().getParent();
            try {
                return Files.readAllLines(home.resolve("release")).stream().filter(l -> l.startsWith("JAVA_VERSION="))
                        .map(l -> l.substring("JAVA_VERSION=".length()).replace("\"", "")).findFirst().orElseThrow();
            } catch (IOException | RuntimeException e) {
                return home.getFileName().toString();
            }
        }
    }

    /** JVM options llm-bench runs with, its environment, and the jar and java to run (null: the benchmark's own). */
    record Variant(String name, List<String> jvmOptions, Map<String, String> environment, Path jar, Path java) {
        Variant(String name, List<String> jvmOptions, Map<String, String> environment) {
            this(name, jvmOptions, environment, null, null);
        }
    }

    /** What the server saw while one client sent its requests, and what the client measured. */
    record Observed(double tokensPerSecond, double requestsPerSecond, double medianGapMs, double latencyOverMs,
                    double ttftOverMs, double wallS, double cpuS, double rssMiB, int requests) {
    }

    /** The figures the self-check and the CI test read; both tokens/s are NaN when the self-check was skipped. */
    record Result(double aloneTokensPerSecond, double burnedTokensPerSecond, Map<String, Observed> medians) {
        boolean burnerSeen() {
            return burnedTokensPerSecond < 0.9 * aloneTokensPerSecond;
        }

        boolean selfChecked() {
            return !Double.isNaN(aloneTokensPerSecond);
        }
    }

    private final Settings settings;
    private final Path work;
    private final Path script;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Process server;
    private String host = "127.0.0.1";
    private int port;

    ObserverBenchmark(Settings settings, Path work) throws IOException {
        this.settings = settings;
        this.work = Files.createDirectories(work);
        this.script = work.resolve("plain_loop.py");
        try (InputStream in = ObserverBenchmark.class.getResourceAsStream("/perf/plain_loop.py")) {
            Files.write(script, in.readAllBytes());
        }
    }

    /** Runs every measurement, printing the table; the server is stopped whatever happens. */
    Result run() throws Exception {
        startServer();
        try {
            String against = settings.server() == null
                    ? String.format(Locale.ROOT, "stand-in server at %.0f us CPU per token", settings.microsPerToken())
                    : "the server at " + settings.server() + " serving " + settings.model() + " (its own timings of each request)";
            System.out.printf(Locale.ROOT, "observer effect: %s, up to %d tokens per request, %d requests per client run; %s%n",
                    against, TOKENS, settings.requests(), load());
            // Alone and next to a burner, alternated up to three times (the machine is shared): the fastest alone
            // against the slowest with the burner, stopping as soon as the slowdown shows.
            double alone = 0;
            double burned = Double.MAX_VALUE;
            // -Dperf.selfCheck=false: on a machine other jobs already saturate, the burners' run can outlast its timeout.
            if (Boolean.parseBoolean(System.getProperty("perf.selfCheck", "true"))) {
                for (int round = 0; round < 3 && !(burned < 0.9 * alone); round++) {
                    alone = Math.max(alone, plain(1).tokensPerSecond());
                    burned = Math.min(burned, withBurner(() -> plain(1).tokensPerSecond()));
                }
                System.out.printf(Locale.ROOT, "self-check: server tokens/s, plain loop alone %.0f, with %d CPU burner threads %.0f (%.0f%%; must fall below 90%%): %s%n",
                        alone, BURNERS, burned, 100 * burned / alone, burned < 0.9 * alone ? "ok" : "NOT SEEN");
            } else {
                System.out.println("self-check: skipped (-Dperf.selfCheck=false)");
                alone = Double.NaN;
                burned = Double.NaN;
            }
            Map<String, Observed> medians = new LinkedHashMap<>();
            // Each variant's first run, unmeasured: a JDK without an archive for this jar makes it then (reported), as
            // any user's first run does; the rotation measures the runs after it.
            for (Variant v : concat(settings.rotation(), settings.extras())) {
                Observed first = llmBench(1, v);
                System.out.printf(Locale.ROOT, "first run, %s: wall %.2f s, CPU %.2f s (unmeasured; makes the start-up archive when missing)%n",
                        v.name(), first.wallS(), first.cpuS());
            }
            for (int lanes : settings.lanes()) {
                compare(lanes, settings.rotation(), medians);
            }
            if (!settings.extras().isEmpty()) {
                compare(1, concat(settings.rotation(), settings.extras()), medians);
            }
            System.out.println(load());
            return new Result(alone, burned, medians);
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor(5, TimeUnit.SECONDS);
                server.destroyForcibly();
            }
        }
    }

    private static List<Variant> concat(List<Variant> a, List<Variant> b) {
        List<Variant> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * The plain loop and each variant of llm-bench at one lane count, in rotating order in every repetition; prints
     * medians, and for each variant the median of its per-repetition ratios to the plain loop of the same
     * repetition (the server's speed drifts between repetitions; a ratio within one repetition cancels that).
     */
    private void compare(int lanes, List<Variant> variants, Map<String, Observed> medians) throws Exception {
        List<Observed> plain = new ArrayList<>();
        List<List<Observed>> bench = new ArrayList<>();
        variants.forEach(v -> bench.add(new ArrayList<>()));
        for (int rep = 0; rep < settings.repetitions(); rep++) {
            int clients = variants.size() + 1;
            for (int k = 0; k < clients; k++) {
                int client = (k + rep) % clients;
                if (client == 0) {
                    plain.add(plain(lanes));
                } else {
                    bench.get(client - 1).add(llmBench(lanes, variants.get(client - 1)));
                }
            }
        }
        Observed p = medianOf(plain);
        System.out.printf(Locale.ROOT, "%n%d lane(s), %d alternated repetitions; medians, ratios are medians of each repetition's ratio to the plain loop%n",
                lanes, settings.repetitions());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-34s %11s", "figure", "plain loop"));
        for (int i = 0; i < variants.size(); i++) {
            System.out.printf(Locale.ROOT, "  llm-bench %c: %s %s%n", 'A' + i, variants.get(i).name(), variants.get(i).jvmOptions());
            header.append(String.format(Locale.ROOT, " %11s %6s", "llm-bench " + (char) ('A' + i), "ratio"));
            Observed b = medianOf(bench.get(i));
            medians.put("plain@" + lanes + "/" + variants.get(i).name(), p);
            medians.put("llm-bench@" + lanes + "/" + variants.get(i).name(), b);
        }
        System.out.println(header.append("  target"));
        // The targets are issue 26's (docs/PERFORMANCE.md).
        row("server tokens/s (its own timings)", plain, bench, Observed::tokensPerSecond, "%.0f", lanes == 1 ? ">= 97 %" : "(reported)", true);
        row("requests/s (server's first to last)", plain, bench, Observed::requestsPerSecond, "%.1f", lanes == 4 ? ">= 95 %" : "(reported)", true);
        if (lanes == 1) {
            row("server idle between calls, ms", plain, bench, Observed::medianGapMs, "%.2f", "(nothing a model notices)", false);
            row("latency over server's time, ms", plain, bench, Observed::latencyOverMs, "%.2f", "(reported)", false);
            row("TTFT over server's, ms", plain, bench, Observed::ttftOverMs, "%.2f", "(reported)", false);
            row("whole process wall, s", plain, bench, Observed::wallS, "%.2f", "<= 120 %", true);
            row("whole process CPU (user+sys), s", plain, bench, Observed::cpuS, "%.2f", "<= 250 %", true);
            row("peak RSS, MiB", plain, bench, Observed::rssMiB, "%.0f", "(reported)", true);
        }
        System.out.println("  " + load());
    }

    private static void row(String name, List<Observed> plain, List<List<Observed>> bench, java.util.function.ToDoubleFunction<Observed> f,
                            String format, String target, boolean ratio) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-34s %11s", name, String.format(Locale.ROOT, format, median(plain, f))));
        for (List<Observed> b : bench) {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < Math.min(plain.size(), b.size()); i++) {
                ratios.add(f.applyAsDouble(b.get(i)) / f.applyAsDouble(plain.get(i)));
            }
            line.append(String.format(Locale.ROOT, " %11s %6s", String.format(Locale.ROOT, format, median(b, f)),
                    ratio ? String.format(Locale.ROOT, "%.0f%%", 100 * median(ratios)) : ""));
        }
        System.out.println(line.append("  ").append(target));
    }

    /** Requests per client run: at least two per lane, so every lane is busy for most of the run. */
    private int requests(int lanes) {
        return Math.max(settings.requests(), 2 * lanes);
    }

    private Observed plain(int lanes) throws Exception {
        List<String> command = List.of("python3", script.toString(), host, String.valueOf(port),
                String.valueOf(requests(lanes)), String.valueOf(lanes), String.valueOf(TOKENS), settings.model());
        Measured m = measure(command, Map.of());
        List<ClientCall> client = new ArrayList<>();
        for (String line : m.stdout().lines().filter(l -> l.startsWith("{")).toList()) {
            JsonNode call = JSON.readTree(line);
            client.add(new ClientCall(call.path("latency_ms").asDouble(), call.path("ttft_ms").asDouble(), call.path("end_ms").asDouble(),
                    call.path("timings")));
        }
        return observed(m, client, requests(lanes));
    }

    private Observed llmBench(int lanes, Variant variant) throws Exception {
        String suite = "perf" + lanes;
        Path suites = work.resolve("suites-" + lanes);
        writeSuite(suites, suite, lanes);
        Path out = work.resolve("out");
        List<String> command = new ArrayList<>();
        command.add((variant.java() != null ? variant.java() : Path.of(System.getProperty("java.home"), "bin", "java")).toString());
        command.addAll(variant.jvmOptions());
        if (variant.jar() != null || settings.jar() != null) {
            command.addAll(List.of("-jar", (variant.jar() != null ? variant.jar() : settings.jar()).toString()));
        } else {
            command.addAll(List.of("-cp", classPath(), "org.llmbench.cli.Main"));
        }
        command.addAll(List.of("run", "-D", "bench.provider=openai", "-D", "bench.model=" + settings.model(),
                "-D", "bench.url=http://" + host + ":" + port + "/v1", "-D", "bench.suites=" + suites, "-D", "bench.phases=" + suite,
                "-D", "bench.out=" + out, "-D", "bench.numPredict=" + TOKENS, "-D", "bench.lanes=" + lanes));
        // The start-up archives a first run makes go into the benchmark's own folder, never the user's cache.
        Map<String, String> environment = new java.util.HashMap<>(variant.environment());
        environment.put("XDG_CACHE_HOME", work.resolve("cache").toAbsolutePath().toString());
        Measured m = measure(command, environment);
        Path ledger = Path.of(Files.readString(out.resolve("latest-run.txt")).strip()).resolve("run.jsonl");
        if (!ledger.isAbsolute()) {
            ledger = out.resolve(ledger);
        }
        List<JsonNode> calls = new ArrayList<>();
        for (String line : Files.readAllLines(ledger)) {
            JsonNode node = JSON.readTree(line);
            if (node.path("event").asText().equals("call")) {
                calls.add(node);
            }
        }
        if (calls.size() != requests(lanes) || calls.stream().anyMatch(c -> !c.path("error_kind").isNull())) {
            throw new IllegalStateException("llm-bench did not make " + requests(lanes) + " good calls: " + ledger + "\n" + m.stdout());
        }
        List<ClientCall> client = new ArrayList<>();
        for (JsonNode c : calls) {
            // A call line is written just after its call ended: its ts is the end of the call.
            java.time.Instant ended = java.time.Instant.parse(c.path("ts").asText());
            client.add(new ClientCall(c.path("latency_ms").asDouble(), c.path("ttft_ms").asDouble(),
                    ended.getEpochSecond() * 1e3 + ended.getNano() / 1e6, c.path("server_timings")));
        }
        return observed(m, client, requests(lanes));
    }

    /** One call as the client measured it; {@code timings} are the server's own (llama.cpp's), or missing. */
    private record ClientCall(double latencyMs, double ttftMs, double endMs, JsonNode timings) {
    }

    /** One request as the server saw it, on one clock in ms: arrival, first token, end, and its generation speed. */
    private record ServedCall(double arrivedMs, double firstTokenMs, double finishedMs, double tokensPerSecond) {
    }

    /**
     * The stand-in's own record of every request since the last call ({@code POST /stats}); for another server, its
     * timings of each request (prompt and generation time), placed so that the request ends when its client saw it end.
     */
    private List<ServedCall> served(List<ClientCall> client, String log) throws Exception {
        List<ServedCall> requests = new ArrayList<>();
        if (settings.server() == null) {
            JsonNode served = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stats"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode r : served) {
                requests.add(new ServedCall(r.path("arrived_ns").asLong() / 1e6, r.path("first_token_ns").asLong() / 1e6,
                        r.path("finished_ns").asLong() / 1e6, 1e3 * r.path("predicted_n").asInt() / r.path("predicted_ms").asDouble()));
            }
        } else {
            for (ClientCall c : client) {
                JsonNode t = c.timings();
                if (!t.hasNonNull("predicted_ms") || !t.hasNonNull("prompt_ms") || !t.hasNonNull("predicted_per_second")) {
                    throw new IllegalStateException("the server sent no llama.cpp timings with a call: " + t + "\n" + log);
                }
                double busy = t.path("prompt_ms").asDouble() + t.path("predicted_ms").asDouble();
                requests.add(new ServedCall(c.endMs() - busy, c.endMs() - busy + t.path("prompt_ms").asDouble(), c.endMs(),
                        t.path("predicted_per_second").asDouble()));
            }
        }
        requests.sort(Comparator.comparingDouble(ServedCall::arrivedMs));
        return requests;
    }

    /** Combines the server's view of the requests since the last reset with what the client measured. */
    private Observed observed(Measured m, List<ClientCall> client, int expected) throws Exception {
        List<ServedCall> requests = served(client, m.stdout());
        if (requests.size() != expected) {
            throw new IllegalStateException("the server saw " + requests.size() + " requests, not " + expected + "\n" + m.stdout());
        }
        double tokensPerSecond = requests.stream().mapToDouble(ServedCall::tokensPerSecond).average().orElseThrow();
        double first = requests.get(0).arrivedMs();
        double last = requests.stream().mapToDouble(ServedCall::finishedMs).max().orElseThrow();
        double requestsPerSecond = requests.size() / ((last - first) / 1e3);
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < requests.size(); i++) {
            gaps.add(requests.get(i).arrivedMs() - requests.get(i - 1).finishedMs());
        }
        // Both lists in send order (the client's by when each call ended); at one lane the i-th of each is the same call.
        List<ClientCall> sent = new ArrayList<>(client);
        sent.sort(Comparator.comparingDouble(ClientCall::endMs));
        List<Double> latencyOver = new ArrayList<>();
        List<Double> ttftOver = new ArrayList<>();
        for (int i = 0; i < Math.min(sent.size(), requests.size()); i++) {
            ServedCall r = requests.get(i);
            latencyOver.add(sent.get(i).latencyMs() - (r.finishedMs() - r.arrivedMs()));
            ttftOver.add(sent.get(i).ttftMs() - (r.firstTokenMs() - r.arrivedMs()));
        }
        return new Observed(tokensPerSecond, requestsPerSecond, median(gaps), median(latencyOver), median(ttftOver),
                m.wallS(), m.cpuS(), m.rssMiB(), requests.size());
    }

    private record Measured(double wallS, double cpuS, double rssMiB, String stdout) {
    }

    /** Runs a command under /usr/bin/time (wall, user + sys CPU, peak RSS of the process and its children). */
    private Measured measure(List<String> command, Map<String, String> environment) throws Exception {
        Path times = work.resolve("time.txt");
        Path log = work.resolve("client.log");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", times.toString()));
        timed.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(timed).directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process p = builder.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("client did not finish: " + command);
        }
        String output = Files.readString(log);
        String[] t = Files.readAllLines(times).get(Files.readAllLines(times).size() - 1).trim().split(" ");
        return new Measured(Double.parseDouble(t[0]), Double.parseDouble(t[1]) + Double.parseDouble(t[2]),
                Double.parseDouble(t[3]) / 1024, output);
    }

    private <T> T withBurner(java.util.concurrent.Callable<T> action) throws Exception {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> burners = new ArrayList<>();
        for (int i = 0; i < BURNERS; i++) {
            Thread t = new Thread(() -> {
                long x = 1;
                while (!stop.get()) {
                    x ^= x << 13;
                    x ^= x >>> 7;
                    x ^= x << 17;
                }
                if (x == 42) {
                    System.out.print("");
                }
            }, "cpu-burner");
            t.setDaemon(true);
            t.start();
            burners.add(t);
        }
        try {
            return action.call();
        } finally {
            stop.set(true);
            for (Thread t : burners) {
                t.join();
            }
        }
    }

    private void startServer() throws IOException {
        if (settings.server() != null) {
            host = settings.server().getHost();
            port = settings.server().getPort() < 0 ? 80 : settings.server().getPort();
            return;
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-Dsun.net.httpserver.nodelay=true",
                "-cp", classPath(), StandInServer.class.getName(), "0",
                String.valueOf(settings.microsPerToken()), String.valueOf(TOKENS));
        server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("port=")) {
            server.destroyForcibly();
            throw new IllegalStateException("the stand-in server did not start: " + line);
        }
        port = Integer.parseInt(line.substring(5));
    }

    /** A suite of {@code requests} questions; more than one lane makes it a parallel_same phase. */
    private void writeSuite(Path dir, String id, int lanes) throws IOException {
        Files.createDirectories(dir);
        var suite = JSON.createObjectNode().put("suite_name", id).put("version", "1").put("purpose", "observer benchmark");
        if (lanes > 1) {
            suite.put("run_mode", "parallel_same").put("lanes", lanes);
        }
        var questions = suite.putArray("questions");
        for (int i = 1; i <= requests(lanes); i++) {
            questions.addObject().put("id", String.format(Locale.ROOT, "S%03d", i)).put("prompt", "Tell me story " + i + ".")
                    .put("reference_answer", "Once upon a time, there was a little girl named Lily.")
                    .putArray("required_markers").add("Lily");
        }
        Files.writeString(dir.resolve(id + ".json"), suite.toPrettyString());
    }

    /** This JVM's class path with absolute entries: the clients run in the work directory. */
    private static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString()).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    static String load() {
        try {
            return "load average " + Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0] + " "
                    + Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[1] + " "
                    + Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[2];
        } catch (IOException e) {
            return "load average unknown";
        }
    }

    private static Observed medianOf(List<Observed> all) {
        return new Observed(median(all, Observed::tokensPerSecond), median(all, Observed::requestsPerSecond),
                median(all, Observed::medianGapMs), median(all, Observed::latencyOverMs), median(all, Observed::ttftOverMs),
                median(all, Observed::wallS), median(all, Observed::cpuS), median(all, Observed::rssMiB), all.get(0).requests());
    }

    private static double median(List<Observed> all, java.util.function.ToDoubleFunction<Observed> f) {
        return median(all.stream().map(o -> f.applyAsDouble(o)).collect(Collectors.toList()));
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
