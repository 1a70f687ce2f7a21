package org.llmbench.catalogue;

import java.util.Locale;
import java.util.regex.Pattern;
import org.llmbench.record.Hardware;

/**
 * The kind of memory a model runs from, read from hardware.json: it bounds speed more than anything else on the page.
 * The probe sees the machine, not the run: a run on the CPU of a machine with a graphics card counts as a discrete-GPU
 * machine (docs/CATALOGUE.md).
 */
enum DeviceClass {
    CPU("cpu", "CPU"), DISCRETE_GPU("discrete-gpu", "discrete GPU"), UNIFIED_MEMORY("unified-memory", "unified memory");

    /** Systems whose GPU shares the main memory: Apple silicon, Jetson, AMD Strix Halo, NVIDIA GB10. */
    private static final Pattern UNIFIED = Pattern.compile("apple m\\d|\\bapple\\b.*gpu|jetson|orin|ryzen ai max|radeon 80[56]0s|gb10");
    /** GPUs inside the processor: their "VRAM" is a slice of the main memory. */
    private static final Pattern INTEGRATED = Pattern.compile("uhd|iris|hd graphics|radeon\\(tm\\) graphics|radeon graphics|vega \\d+ graphics|microsoft basic");
    /** Names that are graphics cards whatever memory the probe saw. */
    private static final Pattern DISCRETE = Pattern.compile("geforce|rtx|quadro|tesla|nvidia [a-z]?\\d|radeon (rx|pro)|instinct|\\barc a\\d|\\barc b\\d");
    private static final long TWO_GIB = 2L << 30;

    final String slug;
    final String label;

    DeviceClass(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    static DeviceClass of(Hardware hardware) {
        if (hardware == null) {
            return CPU;
        }
        String cpu = hardware.cpuModel().toLowerCase(Locale.ROOT);
        String os = hardware.os() == null || hardware.os().family() == null ? "" : hardware.os().family().toLowerCase(Locale.ROOT);
        String arch = hardware.os() == null || hardware.os().arch() == null ? "" : hardware.os().arch().toLowerCase(Locale.ROOT);
        if (UNIFIED.matcher(cpu).find() || (os.contains("mac") && (arch.equals("aarch64") || arch.equals("arm64")))) {
            return UNIFIED_MEMORY;
        }
        boolean discrete = false;
        for (Hardware.Gpu gpu : hardware.gpus()) {
            String name = (gpu.name() == null ? "" : gpu.name()).toLowerCase(Locale.ROOT);
            if (UNIFIED.matcher(name).find()) {
                return UNIFIED_MEMORY;
            }
            if (INTEGRATED.matcher(name).find()) {
                continue;
            }
            discrete |= DISCRETE.matcher(name).find() || gpu.vramBytes() != null && gpu.vramBytes() >= TWO_GIB;
        }
        return discrete ? DISCRETE_GPU : CPU;
    }
}
