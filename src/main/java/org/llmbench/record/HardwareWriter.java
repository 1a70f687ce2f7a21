package org.llmbench.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GraphicsCard;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/**
 * Writes hardware.json at the start of a run from what OSHI can see: CPU, cores, memory, OS, GPUs.
 *
 * <p>Only what makes numbers comparable is kept: never serial numbers, hardware UUIDs, host names or
 * user names. Each probe that fails (an unsupported platform, a missing native library) is recorded in
 * {@code probe_errors} and the rest is still written; a run never fails because of this file.
 */
public final class HardwareWriter {

    /** File name inside the run folder. */
    public static final String FILE = "hardware.json";

    /** The field of hardware.json where the contributor (or a merge) says what the probe cannot see. */
    public static final String NOTES = "notes";

    private static final double GIB = 1024.0 * 1024 * 1024;

    private HardwareWriter() {
    }

    /** Writes hardware.json unless the folder already has one (a resumed run keeps the contributor's edits). */
    public static void writeIfAbsent(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            org.llmbench.json.Json.PRETTY.writeValue(file.toFile(), probe());
        }
    }

    /** What this machine looks like, as the map that hardware.json holds. */
    public static Map<String, Object> probe() {
        Map<String, Object> hw = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        hw.put("schema_version", 1);
        hw.put("collected_at", Instant.now().toString());
        hw.put("collected_by", "llm-bench (OSHI)");
        hw.put("review", "check every value and add what the probe cannot see (unified memory, eGPU, "
                + "power mode, other load) under notes before submitting");
        SystemInfo si = attempt("system", SystemInfo::new, errors);
        HardwareAbstractionLayer hal = si == null ? null : attempt("hardware", si::getHardware, errors);
        hw.put("cpu", or(hal == null ? null : attempt("cpu", () -> cpu(hal.getProcessor()), errors), cpuFallback()));
        hw.put("memory", or(hal == null ? null : attempt("memory", () -> memory(hal), errors), memoryFallback()));
        hw.put("gpus", or(hal == null ? null : attempt("gpus", () -> gpus(hal.getGraphicsCards()), errors), List.of()));
        hw.put("os", or(si == null ? null : attempt("os", () -> os(si.getOperatingSystem()), errors), osFallback()));
        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("name", System.getProperty("java.vm.name"));
        jvm.put("version", System.getProperty("java.runtime.version"));
        jvm.put("max_heap_gb", round(Runtime.getRuntime().maxMemory() / GIB));
        hw.put("jvm", jvm);
        hw.put(NOTES, "");
        hw.put("probe_errors", errors);
        return hw;
    }

    private static Map<String, Object> cpu(CentralProcessor p) {
        Map<String, Object> cpu = new LinkedHashMap<>();
        var id = p.getProcessorIdentifier();
        cpu.put("model", id.getName() == null ? null : id.getName().trim());
        cpu.put("vendor", id.getVendor());
        cpu.put("microarchitecture", id.getMicroarchitecture());
        cpu.put("packages", p.getPhysicalPackageCount());
        cpu.put("physical_cores", p.getPhysicalProcessorCount());
        cpu.put("logical_cores", p.getLogicalProcessorCount());
        long maxFreq = p.getMaxFreq();
        cpu.put("max_freq_ghz", maxFreq > 0 ? round(maxFreq / 1e9) : null);
        cpu.put("arch", System.getProperty("os.arch"));
        return cpu;
    }

    private static Map<String, Object> memory(HardwareAbstractionLayer hal) {
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("total_bytes", hal.getMemory().getTotal());
        memory.put("total_gb", round(hal.getMemory().getTotal() / GIB));
        memory.put("available_gb_at_start", round(hal.getMemory().getAvailable() / GIB));
        return memory;
    }

    private static List<Map<String, Object>> gpus(List<GraphicsCard> cards) {
        List<Map<String, Object>> gpus = new ArrayList<>();
        for (GraphicsCard card : cards) {
            if ("unknown".equalsIgnoreCase(card.getName()) && "unknown".equalsIgnoreCase(card.getVendor())) {
                continue; // a virtual display adapter tells nothing about the run
            }
            Map<String, Object> gpu = new LinkedHashMap<>();
            gpu.put("name", card.getName());
            gpu.put("vendor", card.getVendor());
            gpu.put("vram_bytes", card.getVRam() > 0 ? card.getVRam() : null);
            gpus.add(gpu);
        }
        return gpus;
    }

    private static Map<String, Object> os(OperatingSystem os) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("family", os.getFamily());
        map.put("version", os.getVersionInfo().getVersion());
        map.put("build", os.getVersionInfo().getBuildNumber());
        map.put("bitness", os.getBitness());
        map.put("arch", System.getProperty("os.arch"));
        return map;
    }

    private static Map<String, Object> cpuFallback() {
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("model", null);
        cpu.put("logical_cores", Runtime.getRuntime().availableProcessors());
        cpu.put("arch", System.getProperty("os.arch"));
        return cpu;
    }

    private static Map<String, Object> memoryFallback() {
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("total_bytes", null);
        return memory;
    }

    private static Map<String, Object> osFallback() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("family", System.getProperty("os.name"));
        map.put("version", System.getProperty("os.version"));
        map.put("arch", System.getProperty("os.arch"));
        return map;
    }

    /** OSHI reaches into native code and platform files: any of it may be missing, so each part stands alone. */
    private static <T> T attempt(String part, Supplier<T> probe, List<String> errors) {
        try {
            return probe.get();
        } catch (RuntimeException | LinkageError e) {
            errors.add(part + ": " + e.getClass().getSimpleName());
            return null;
        }
    }

    private static Object or(Object probed, Object fallback) {
        return probed != null ? probed : fallback;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
