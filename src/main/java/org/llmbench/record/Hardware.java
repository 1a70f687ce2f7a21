package org.llmbench.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.llmbench.json.Json;

/**
 * hardware.json read back (the file {@link HardwareWriter} writes): what the reports show of the machine. Older
 * and hand-written files name the CPU {@code cpu.name} and the memory {@code memory_gb}; both are read. The OS, GPUs,
 * an optional {@code runtime} (e.g. "ollama 0.6.2") and bandwidths a contributor added are read for the catalogue;
 * every other field (notes) is kept in the file and ignored here, and a field of another type reads as
 * missing. Read as a tree, not by Jackson's data binding: binding a record costs 30-70 ms of a run's CPU the first
 * time (docs/PERFORMANCE.md), for three fields.
 */
public record Hardware(Cpu cpu, Memory memory, Double memoryGb, List<Gpu> gpus, Os os, String runtime) {

    public Hardware {
        gpus = gpus == null ? List.of() : List.copyOf(gpus);
    }

    /** The processor. */
    public record Cpu(String model, String name, String vendor, String arch) {
    }

    /**
     * The memory, in GiB rounded to two decimals; its bandwidth in GB/s only when the contributor added it (the probe
     * cannot measure it, docs/CATALOGUE.md).
     */
    public record Memory(Double totalGb, Double bandwidthGbS) {
    }

    /** A graphics card: its memory in bytes (null when the probe could not see it), its bandwidth when added by hand. */
    public record Gpu(String name, String vendor, Long vramBytes, Double bandwidthGbS) {
    }

    /** The operating system. */
    public record Os(String family, String version, String arch) {
    }

    /** Reads a hardware.json. */
    public static Hardware read(Path file) throws IOException {
        JsonNode root = Json.MAPPER.readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": not a JSON object");
        }
        JsonNode cpu = root.path("cpu");
        JsonNode memory = root.path("memory");
        JsonNode os = root.path("os");
        List<Gpu> gpus = new ArrayList<>();
        for (JsonNode gpu : root.path("gpus")) {
            if (gpu.isObject()) {
                Double vram = number(gpu, "vram_bytes");
                gpus.add(new Gpu(text(gpu, "name"), text(gpu, "vendor"), vram == null ? null : vram.longValue(),
                        number(gpu, BANDWIDTH)));
            }
        }
        return new Hardware(cpu.isObject() ? new Cpu(text(cpu, "model"), text(cpu, "name"), text(cpu, "vendor"), text(cpu, "arch")) : null,
                memory.isObject() ? new Memory(number(memory, "total_gb"), number(memory, BANDWIDTH)) : null,
                number(root, "memory_gb"), gpus,
                os.isObject() ? new Os(text(os, "family"), text(os, "version"), text(os, "arch")) : null, text(root, "runtime"));
    }

    /** The optional bandwidth field a contributor may add to {@code memory} and to a GPU, in GB/s. */
    private static final String BANDWIDTH = "bandwidth_gb_s";

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static Double number(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isNumber() ? value.asDouble() : null;
    }

    /** The CPU's model (or older files' name), blank when the probe could not see it. */
    public String cpuModel() {
        String model = cpu == null ? null : cpu.model != null ? cpu.model : cpu.name;
        return model == null ? "" : model;
    }

    /** The total memory in GiB, or null when the file does not say. */
    public Double totalGb() {
        return memory != null && memory.totalGb != null ? memory.totalGb : memoryGb;
    }
}
