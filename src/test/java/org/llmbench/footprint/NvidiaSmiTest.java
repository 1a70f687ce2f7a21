package org.llmbench.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.record.Energy;
import org.llmbench.record.Memory;
import org.llmbench.record.MemoryReading;

/**
 * A fake {@code nvidia-smi} on a PATH given to the meter (the JVM's own environment untouched): device and process
 * memory at load and peak, power integrated into joules; a missing tool, a failing driver and a GPU without a power
 * reading each say why.
 */
@DisabledOnOs(OS.WINDOWS)
class NvidiaSmiTest {

    @TempDir
    Path bin;

    private String fake(String body) throws IOException {
        Path script = bin.resolve("nvidia-smi");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin.toString();
    }

    private static Readings finish(Meter meter) {
        Readings out = new Readings();
        meter.finish(out);
        return out;
    }

    @Test
    void memoryGrowsAndPowerIsAddedUpOverTheWindow() throws Exception {
        // Each call of the query raises the memory used by 100 MiB (a counter file beside the script).
        String path = fake("""
                n=$(cat "$(dirname "$0")/n" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$(dirname "$0")/n"
                case "$1" in
                  --query-gpu=*) echo "0, NVIDIA Fake 24GB, $((2000 + 100 * n)), 150.00" ;;
                  --query-compute-apps=*) echo "4242, $((1000 + 100 * n))"; echo "999, 77" ;;
                esac
                """);
        long start = System.nanoTime();
        NvidiaSmi meter = new NvidiaSmi(Command.find("nvidia-smi", path).orElseThrow(), 4242L, 1);
        Thread.sleep(300);
        meter.sample();
        Readings out = finish(meter);
        double seconds = (System.nanoTime() - start) / 1e9;
        Memory memory = out.memory();
        long mib = 1024L * 1024;
        assertThat(memory.readings()).extracting(MemoryReading::source)
                .containsExactly("nvidia_smi_process", "nvidia_smi_device");
        assertThat(memory.readings().get(0).atLoadBytes()).isEqualTo(1200 * mib); // the constructor's read is the 2nd call
        assertThat(memory.readings().get(0).peakBytes()).isEqualTo(1600 * mib);
        assertThat(memory.readings().get(1).atLoadBytes()).isEqualTo(2100 * mib);
        assertThat(memory.readings().get(1).peakBytes()).isEqualTo(2500 * mib);
        assertThat(memory.vramPeakBytes()).isEqualTo(1600 * mib);
        assertThat(memory.vramSource()).isEqualTo("nvidia_smi_process");
        Energy energy = out.energy();
        assertThat(energy.source()).isEqualTo("nvidia_smi");
        assertThat(energy.joules()).isBetween(150 * 0.25, 150 * seconds);
    }

    @Test
    void noToolAFailingDriverAndNoPowerReadingSayWhy() throws Exception {
        Readings none = finish(new NvidiaSmi(null, null, 1));
        assertThat(none.energy().joules()).isNull();
        assertThat(none.energy().unavailable().get(0).reason()).isEqualTo(
                "no nvidia-smi on the PATH (no NVIDIA GPU, or its driver tools are not installed)");
        assertThat(none.memory().unavailable().get(0).source()).isEqualTo("nvidia_smi");
        assertThat(Command.find("nvidia-smi", bin.toString())).isEmpty();

        String failing = fake("echo \"NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\"; exit 9\n");
        Readings failed = finish(new NvidiaSmi(Command.find("nvidia-smi", failing).orElseThrow(), null, 1));
        assertThat(failed.energy().unavailable().get(0).reason())
                .isEqualTo("nvidia-smi failed: NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.");

        String noPower = fake("echo \"0, Tesla Fake, 512, [N/A]\"\n");
        Readings unpowered = finish(new NvidiaSmi(Command.find("nvidia-smi", noPower).orElseThrow(), null, 1));
        assertThat(unpowered.memory().vramPeakBytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(unpowered.energy().joules()).isNull();
        assertThat(unpowered.energy().unavailable().get(0).reason()).isEqualTo("the GPU reports no power draw ([N/A])");
    }
}
