package org.llmbench.footprint;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Linux RAPL energy counters ({@code /sys/class/powercap/intel-rapl:N}, the CPU packages, and their {@code dram}
 * sub-zones; AMD processors have the same zones): each counter is read at every tick and its increase added up. A
 * counter wraps to 0 after {@code max_energy_range_uj} (minutes to hours at full power), so a reading lower than the
 * last one counted the rest of the range first; the sampler reads far more often than any counter can wrap twice.
 * The counters measure the whole package (the harness too, and anything else running), which the record says.
 */
final class Rapl implements Meter {

    private final List<Counter> counters;
    private final String problem;

    private Rapl(List<Counter> counters, String problem) {
        this.counters = counters;
        this.problem = problem;
    }

    /** The package and DRAM counters under {@code powercap} (normally {@code /sys/class/powercap}), read once now. */
    static Rapl open(Path powercap) {
        if (!Files.isDirectory(powercap)) {
            return new Rapl(List.of(), "no RAPL counter (" + powercap + " does not exist: not Linux, or a virtual machine "
                    + "that does not pass the counters through)");
        }
        List<Counter> counters = new ArrayList<>();
        try (DirectoryStream<Path> zones = Files.newDirectoryStream(powercap, p -> p.getFileName().toString().matches("intel-rapl:\\d+"))) {
            for (Path zone : zones) {
                String name = name(zone);
                if (!name.startsWith("package")) {
                    continue; // psys covers the whole platform, packages included: adding it would count twice
                }
                counters.add(new Counter(zone, name));
                try (DirectoryStream<Path> subs = Files.newDirectoryStream(zone, p -> p.getFileName().toString().matches("intel-rapl:\\d+:\\d+"))) {
                    for (Path sub : subs) {
                        if (name(sub).equals("dram")) {
                            counters.add(new Counter(sub, name + "/dram"));
                        }
                    }
                }
            }
        } catch (IOException e) {
            return new Rapl(List.of(), "RAPL zones not readable (" + e.getMessage() + ")");
        }
        if (counters.isEmpty()) {
            return new Rapl(List.of(), "no RAPL counter (" + powercap + " has no intel-rapl package zone)");
        }
        counters.sort(java.util.Comparator.comparing(c -> c.what));
        try {
            for (Counter c : counters) {
                c.start();
            }
        } catch (AccessDeniedException e) {
            return new Rapl(List.of(), "RAPL counters not readable (energy_uj is readable by root only since Linux 5.10: "
                    + "run as root, or make it readable)");
        } catch (IOException | NumberFormatException e) {
            return new Rapl(List.of(), "RAPL counters not readable (" + e.getMessage() + ")");
        }
        return new Rapl(counters, null);
    }

    /** Why there is no counter, or null. */
    String problem() {
        return problem;
    }

    private static String name(Path zone) {
        try {
            return Files.readString(zone.resolve("name")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void sample() {
        for (Counter c : counters) {
            c.read();
        }
    }

    @Override
    public void finish(Readings out) {
        if (problem != null) {
            out.noEnergy(Sources.RAPL, problem);
            return;
        }
        sample();
        for (Counter c : counters) {
            if (c.failed != null) {
                out.noEnergy(Sources.RAPL, c.what + ": " + c.failed);
            } else {
                out.energy(Sources.RAPL, c.what + " (the whole " + (c.what.endsWith("dram") ? "DRAM" : "CPU package")
                        + ": the harness and anything else running included)", c.microjoules / 1e6);
            }
        }
    }

    /** One counter: its last value and the energy counted since the window opened. */
    private static final class Counter {
        private final Path zone;
        private final String what;
        private long max;
        private long last;
        private long microjoules;
        private String failed;

        Counter(Path zone, String what) {
            this.zone = zone;
            this.what = what;
        }

        void start() throws IOException {
            max = Long.parseLong(Files.readString(zone.resolve("max_energy_range_uj")).strip());
            last = value();
        }

        long value() throws IOException {
            return Long.parseLong(Files.readString(zone.resolve("energy_uj")).strip());
        }

        void read() {
            if (failed != null) {
                return;
            }
            try {
                long now = value();
                microjoules += now >= last ? now - last : max - last + now;
                last = now;
            } catch (IOException | NumberFormatException e) {
                failed = "counter no longer readable (" + e.getMessage() + ")";
            }
        }
    }
}
