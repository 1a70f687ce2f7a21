package org.llmbench.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.record.Energy;
import org.llmbench.record.EnergyReading;

/** RAPL counters in fake powercap trees: package and DRAM added up, a counter that wraps, and every reason for none. */
class RaplTest {

    @TempDir
    Path powercap;

    private Path zone(String dir, String name, long energy, long max) throws IOException {
        Path zone = Files.createDirectories(powercap.resolve(dir));
        Files.writeString(zone.resolve("name"), name + "\n");
        Files.writeString(zone.resolve("energy_uj"), energy + "\n");
        Files.writeString(zone.resolve("max_energy_range_uj"), max + "\n");
        return zone;
    }

    private static void set(Path zone, long energy) throws IOException {
        Files.writeString(zone.resolve("energy_uj"), energy + "\n");
    }

    private static Energy finish(Meter meter) {
        Readings out = new Readings();
        meter.finish(out);
        return out.energy();
    }

    @Test
    void packageAndDramAreAddedUpAndAWrapCountsTheRestOfTheRange() throws IOException {
        Path pkg = zone("intel-rapl:0", "package-0", 1_000_000, 10_000_000);
        Path dram = zone("intel-rapl:0/intel-rapl:0:1", "dram", 0, 10_000_000);
        zone("intel-rapl:0/intel-rapl:0:0", "core", 0, 10_000_000); // inside the package: not counted again
        zone("intel-rapl:1", "psys", 0, 10_000_000); // the whole platform: would count the package twice
        Rapl rapl = Rapl.open(powercap);
        assertThat(rapl.problem()).isNull();
        set(pkg, 3_000_000);
        rapl.sample();
        set(pkg, 500_000); // wrapped: 7 J to the end of the range, then 0.5 J
        set(dram, 2_000_000);
        Energy energy = finish(rapl);
        assertThat(energy.readings()).extracting(EnergyReading::joules).containsExactly(9.5, 2.0);
        assertThat(energy.readings().get(0).what()).startsWith("package-0 ");
        assertThat(energy.readings().get(1).what()).startsWith("package-0/dram ");
        assertThat(energy.joules()).isCloseTo(11.5, within(1e-9));
        assertThat(energy.source()).isEqualTo("rapl");
        assertThat(energy.unavailable()).isEmpty();
    }

    @Test
    void noTreeNoZoneAndAnUnreadableCounterEachSayWhyAndGiveNoJoules() throws IOException {
        Energy missing = finish(Rapl.open(powercap.resolve("absent")));
        assertThat(missing.joules()).isNull();
        assertThat(missing.unavailable()).singleElement().satisfies(u -> {
            assertThat(u.source()).isEqualTo("rapl");
            assertThat(u.reason()).startsWith("no RAPL counter").contains("does not exist");
        });
        zone("intel-rapl:1", "psys", 0, 10);
        assertThat(finish(Rapl.open(powercap)).unavailable().get(0).reason()).contains("has no intel-rapl package zone");
        Path pkg = zone("intel-rapl:0", "package-0", 0, 10);
        Files.delete(pkg.resolve("energy_uj"));
        Files.createDirectory(pkg.resolve("energy_uj")); // reading it fails as an unreadable file would
        Energy unreadable = finish(Rapl.open(powercap));
        assertThat(unreadable.joules()).isNull();
        assertThat(unreadable.unavailable().get(0).reason()).startsWith("RAPL counters not readable");
    }

    @Test
    void aCounterThatBecomesUnreadableKeepsTheOthers() throws IOException {
        Path pkg = zone("intel-rapl:0", "package-0", 0, 100_000_000);
        Path dram = zone("intel-rapl:0/intel-rapl:0:1", "dram", 0, 100_000_000);
        Rapl rapl = Rapl.open(powercap);
        set(pkg, 4_000_000);
        Files.delete(dram.resolve("energy_uj"));
        Energy energy = finish(rapl);
        assertThat(energy.joules()).isEqualTo(4.0);
        assertThat(energy.unavailable()).singleElement().satisfies(u -> assertThat(u.reason()).contains("no longer readable"));
    }
}
