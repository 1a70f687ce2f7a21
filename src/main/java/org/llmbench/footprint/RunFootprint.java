package org.llmbench.footprint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.llmbench.config.Provider;
import org.llmbench.model.GgufClient;
import org.llmbench.model.GgufFile;
import org.llmbench.record.RunEvent.Footprint;
import org.llmbench.record.Stamp;

/**
 * The run's one sampler: a single thread (made by the caller's factory, which lowers its priority) reads every open
 * model window's sources once per period; a model's window opens when its part of the run begins (the first reading is
 * the model at load) and closes when it ends, giving the model's {@code footprint} event. Opened before the run's models
 * are loaded, so the in-process provider's growth is measured from before its load.
 */
public final class RunFootprint implements AutoCloseable {

    private static final int NVIDIA_EVERY = 5;

    private final FootprintSettings settings;
    private final ProcessTable table;
    private final long selfBaseline;
    private final ScheduledExecutorService timer;
    private final Map<String, Window> open = new LinkedHashMap<>();
    private ProcessTable.Found server;

    private RunFootprint(FootprintSettings settings, ThreadFactory threads) {
        this.settings = settings;
        this.table = settings.processes().table();
        this.selfBaseline = table.selfRssBytes().orElse(0);
        this.timer = Executors.newSingleThreadScheduledExecutor(threads);
        timer.scheduleAtFixedRate(this::tick, settings.periodMs(), settings.periodMs(), TimeUnit.MILLISECONDS);
    }

    /** Starts the run's sampler (its thread comes from {@code threads}). */
    public static RunFootprint start(FootprintSettings settings, ThreadFactory threads) {
        return new RunFootprint(settings, threads);
    }

    /** Opens the window of {@code model}: its sources take their first reading now. */
    public synchronized void modelStarted(String model) {
        open.put(model, new Window(meters(model), System.nanoTime()));
    }

    /** Closes the window of {@code model} and gives its footprint; null when it was not opened. */
    public synchronized Footprint modelEnded(String model, Stamp stamp) {
        Window w = open.remove(model);
        if (w == null) {
            return null;
        }
        Readings readings = new Readings();
        for (Meter m : w.meters) {
            m.finish(readings);
        }
        return new Footprint(stamp, model, (System.nanoTime() - w.startNanos) / 1_000_000, w.samples, settings.periodMs(),
                readings.memory(), readings.energy());
    }

    private synchronized void tick() {
        for (Window w : open.values()) {
            w.samples++;
            for (Meter m : w.meters) {
                try {
                    m.sample();
                } catch (RuntimeException e) {
                    // one source failing must not stop the others; its finish says what it has
                }
            }
        }
    }

    private List<Meter> meters(String model) {
        List<Meter> meters = new ArrayList<>();
        Path nvidia = Command.find("nvidia-smi", settings.path()).orElse(null);
        Provider provider = settings.provider();
        boolean local = provider == Provider.GGUF || provider == Provider.MOCK || provider == Provider.REPLAY
                || settings.serverIsLocal();
        Long pid = null;
        switch (provider) {
            case GGUF -> {
                pid = ProcessHandle.current().pid();
                meters.add(new RssMeter(Sources.SELF_RSS_GROWTH, "this JVM's resident memory over what it was before the "
                        + "model loaded (the harness's own growth included: an upper bound)", table::selfRssBytes, selfBaseline));
                meters.add(fixed(out -> kvCache(out, Path.of(model), null, "the context the in-process provider loads it with")));
            }
            case OLLAMA -> meters.add(new OllamaPs(settings.firstUrl(), model));
            case OPENAI -> {
                if (local) {
                    pid = serverPid();
                    meters.add(serverRss(pid));
                    meters.add(fixed(out -> llamaContext(out, model)));
                } else {
                    meters.add(fixed(out -> out.noMemory(Sources.MEMORY, "remote server (" + settings.firstUrl()
                            + "): an OpenAI-compatible API says nothing of memory")));
                }
            }
            default -> meters.add(fixed(out -> out.noMemory(Sources.MEMORY, "no model runs on this machine ("
                    + provider.wireName() + " provider)")));
        }
        if (local) {
            meters.add(Rapl.open(settings.powercap()));
            meters.add(new NvidiaSmi(nvidia, pid, NVIDIA_EVERY));
            if (System.getProperty("os.name", "").startsWith("Mac")) {
                meters.add(fixed(out -> out.noEnergy(Sources.POWERMETRICS, "macOS measures energy only through powermetrics, "
                        + "which needs root: llm-bench does not run it")));
            }
        } else {
            meters.add(fixed(out -> out.noEnergy(Sources.ENERGY, "remote server: its energy is not measurable from here")));
        }
        return meters;
    }

    /** The local server's process, found once per run from its listening port. */
    private Long serverPid() {
        if (server == null) {
            int port = settings.port();
            server = port < 0 ? new ProcessTable.Found(null, "no port in " + settings.firstUrl()) : table.listener(port);
        }
        return server.pid();
    }

    private Meter serverRss(Long pid) {
        if (pid == null) {
            String reason = server.reason();
            return fixed(out -> out.noMemory(Sources.PROCESS_RSS, reason));
        }
        return new RssMeter(Sources.PROCESS_RSS, "resident memory of the server's process (pid " + pid + ", listening on port "
                + settings.port() + "), as it serves the model", () -> table.rssBytes(pid), 0);
    }

    /**
     * llama.cpp's context as the server gives it: {@code /props} (the slots' context and their number, and the model's
     * file), else {@code /slots} (each slot's context; newer builds serve it only with {@code --slots}); with the
     * model's GGUF file on this machine, the KV cache that context implies.
     */
    private void llamaContext(Readings out, String model) {
        String base = settings.firstUrl().replaceAll("/+$", "").replaceAll("/v1$", "");
        String propsProblem;
        try {
            var props = HttpGet.json(base + "/props", settings.apiKey());
            long perSlot = props.path("default_generation_settings").path("n_ctx").asLong(0);
            long slots = props.path("total_slots").asLong(1);
            // The server names its model's file; only a .gguf file is opened (a server cannot have any file read).
            String named = props.path("model_path").asText("");
            String file = named.toLowerCase(java.util.Locale.ROOT).endsWith(".gguf") ? named : model;
            if (perSlot > 0) {
                kvCache(out, Path.of(file.isBlank() ? model : file), perSlot * slots, "n_ctx " + perSlot + " x " + slots
                        + " slots from /props");
                return;
            }
            propsProblem = "/props has no n_ctx";
        } catch (java.io.IOException | RuntimeException e) {
            propsProblem = "/props: " + e.getMessage();
        }
        try {
            long nCtx = 0;
            for (var slot : HttpGet.json(base + "/slots", settings.apiKey())) {
                nCtx += slot.path("n_ctx").asLong(0);
            }
            kvCache(out, Path.of(model), nCtx, "n_ctx " + nCtx + " from /slots");
        } catch (java.io.IOException | RuntimeException e) {
            out.noMemory(Sources.LLAMA_CONTEXT, "the server gave no context size (" + propsProblem + "; /slots: "
                    + e.getMessage() + "; llama-server serves /slots with --slots)");
        }
    }

    /** The KV cache the model's GGUF file implies; {@code nCtx} null: the context the in-process provider gives it. */
    private void kvCache(Readings out, Path file, Long nCtx, String whence) {
        if (!Files.isRegularFile(file)) {
            out.noMemory(Sources.KV_CACHE, "the model's name is no GGUF file on this machine: its metadata is unknown");
            return;
        }
        try {
            GgufFile gguf = GgufFile.read(file);
            long context = nCtx != null ? nCtx : GgufClient.contextSize(gguf, settings.numCtx());
            KvCache.Estimate e = KvCache.of(gguf, context);
            if (e == null) {
                out.noMemory(Sources.KV_CACHE, "the GGUF metadata lacks the layer and head counts");
            } else {
                out.memory(Sources.KV_CACHE, e.how() + "; " + whence, e.bytes(), e.bytes());
            }
        } catch (GgufFile.BadFile e) {
            // The file's name only: a run folder is shared, and a full path names the user's folders.
            out.noMemory(Sources.KV_CACHE, String.valueOf(e.getMessage()).replace(file.toString(),
                    String.valueOf(file.getFileName())));
        }
    }

    private static Meter fixed(Consumer<Readings> finish) {
        return new Meter() {
            @Override
            public void sample() {
            }

            @Override
            public void finish(Readings out) {
                finish.accept(out);
            }
        };
    }

    /** Stops the sampler; windows still open are dropped (their models did not end). */
    @Override
    public void close() {
        timer.shutdownNow();
        synchronized (this) {
            open.clear();
        }
    }

    private static final class Window {
        final List<Meter> meters;
        final long startNanos;
        int samples;

        Window(List<Meter> meters, long startNanos) {
            this.meters = meters;
            this.startNanos = startNanos;
        }
    }
}
