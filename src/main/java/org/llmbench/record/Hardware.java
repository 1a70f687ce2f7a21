package org.llmbench.record;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Path;
import org.llmbench.json.Json;

/**
 * hardware.json read back (the file {@link HardwareWriter} writes): what the reports show of the machine. Older
 * and hand-written files name the CPU {@code cpu.name} and the memory {@code memory_gb}; both are read.
 * Every other field (OS, GPUs, notes) is kept in the file and ignored here.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Hardware(Cpu cpu, Memory memory, Double memoryGb) {

    /** The processor. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cpu(String model, String name) {
    }

    /** The memory, in GiB rounded to two decimals. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Memory(Double totalGb) {
    }

    /** Reads a hardware.json. */
    public static Hardware read(Path file) throws IOException {
        return Json.MAPPER.readValue(file.toFile(), Hardware.class);
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
