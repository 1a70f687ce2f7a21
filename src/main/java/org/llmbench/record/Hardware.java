package org.llmbench.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.llmbench.json.Json;

/**
 * hardware.json read back (the file {@link HardwareWriter} writes): what the reports show of the machine. Older
 * and hand-written files name the CPU {@code cpu.name} and the memory {@code memory_gb}; both are read.
 * Every other field (OS, GPUs, notes) is kept in the file and ignored here, and a field of another type reads as
 * missing. Read as a tree, not by Jackson's data binding: binding a record costs 30-70 ms of a run's CPU the first
 * time (docs/PERFORMANCE.md), for three fields.
 */
public record Hardware(Cpu cpu, Memory memory, Double memoryGb) {

    /** The processor. */
    public record Cpu(String model, String name) {
    }

    /** The memory, in GiB rounded to two decimals. */
    public record Memory(Double totalGb) {
    }

    /** Reads a hardware.json. */
    public static Hardware read(Path file) throws IOException {
        JsonNode root = Json.MAPPER.readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": not a JSON object");
        }
        JsonNode cpu = root.path("cpu");
        JsonNode memory = root.path("memory");
        return new Hardware(cpu.isObject() ? new Cpu(text(cpu, "model"), text(cpu, "name")) : null,
                memory.isObject() ? new Memory(number(memory, "total_gb")) : null, number(root, "memory_gb"));
    }

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
