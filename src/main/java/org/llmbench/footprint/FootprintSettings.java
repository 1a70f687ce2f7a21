package org.llmbench.footprint;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.BenchKeys;
import org.llmbench.config.Provider;

/**
 * What the run's sampler needs to know: the provider and its server, the context size, the period, and where this
 * machine's sources are (the powercap tree, the PATH to find vendor tools on, the process table), which tests replace.
 *
 * @param path the PATH to look for {@code nvidia-smi} on (a collaborator: tests give a folder with a fake one)
 * @param key the run's API key, read when a status endpoint is asked (a supplier, so that no {@code toString} of
 *            these settings can show it)
 */
public record FootprintSettings(Provider provider, String url, int numCtx, long periodMs, Path powercap, String path,
                                ProcessTableSource processes, java.util.function.Supplier<java.util.Optional<String>> key) {

    /** Settings without an API key (tests, servers without one). */
    public FootprintSettings(Provider provider, String url, int numCtx, long periodMs, Path powercap, String path,
                             ProcessTableSource processes) {
        this(provider, url, numCtx, periodMs, powercap, path, processes, java.util.Optional::empty);
    }

    /** The run's API key, if it has one. */
    java.util.Optional<String> apiKey() {
        return key.get();
    }

    /** Where the process table comes from (this machine's, or a fake {@code /proc} in tests). */
    public record ProcessTableSource(Path proc, boolean linux) {
        ProcessTable table() {
            return new ProcessTable(proc, linux);
        }

        static ProcessTableSource system() {
            return new ProcessTableSource(Path.of("/proc"), System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"));
        }
    }

    /** Whether the run samples at all: {@code bench.footprint} {@code on}, or {@code auto} with a model on a server or in process. */
    public static boolean enabled(BenchConfig config) {
        String mode = config.get(BenchKeys.FOOTPRINT);
        return mode.equals("on") || mode.equals("auto") && config.provider() != Provider.MOCK && config.provider() != Provider.REPLAY;
    }

    /** This machine's sources for the run's settings. */
    public static FootprintSettings of(BenchConfig config) {
        return new FootprintSettings(config.provider(), config.url(), config.numCtx(), config.get(BenchKeys.FOOTPRINT_PERIOD_MS),
                Path.of("/sys/class/powercap"), System.getenv("PATH"), ProcessTableSource.system(), config::apiKey);
    }

    /** The first server's URL (a run may name several, comma-separated). */
    String firstUrl() {
        return url == null ? "" : url.split(",")[0].strip();
    }

    /** The server's TCP port, or -1. */
    int port() {
        try {
            URI uri = URI.create(firstUrl());
            return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** Whether the server runs on this machine (a loopback address, or one of this machine's own). */
    boolean serverIsLocal() {
        try {
            String host = URI.create(firstUrl()).getHost();
            if (host == null) {
                return false;
            }
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress() || address.isAnyLocalAddress() || NetworkInterface.getByInetAddress(address) != null;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
