package org.llmbench.footprint;

import java.util.ArrayList;
import java.util.List;
import org.llmbench.record.Energy;
import org.llmbench.record.EnergyReading;
import org.llmbench.record.Memory;
import org.llmbench.record.MemoryReading;
import org.llmbench.record.Unavailable;

/**
 * What the meters of one window found, made into the record's memory and energy: the headline memory is the first
 * reading of {@link #RAM} order present, VRAM that of {@link #VRAM}; energy adds every reading (CPU package, DRAM, GPU
 * are separate counters) and is null, with the reasons, when there is none.
 */
final class Readings {

    /** Sources of the model's own RAM, best first: the server's process, this JVM's growth, what Ollama says. */
    static final List<String> RAM = List.of(Sources.PROCESS_RSS, Sources.SELF_RSS_GROWTH, Sources.OLLAMA_PS);

    /** Sources of the model's memory on a GPU, best first. */
    static final List<String> VRAM = List.of(Sources.OLLAMA_PS_VRAM, Sources.NVIDIA_PROCESS, Sources.NVIDIA_DEVICE);

    private final List<MemoryReading> memory = new ArrayList<>();
    private final List<Unavailable> memoryUnavailable = new ArrayList<>();
    private final List<EnergyReading> energy = new ArrayList<>();
    private final List<Unavailable> energyUnavailable = new ArrayList<>();

    void memory(String source, String what, Long atLoadBytes, Long peakBytes) {
        memory.add(new MemoryReading(source, what, atLoadBytes, peakBytes));
    }

    void noMemory(String source, String reason) {
        memoryUnavailable.add(new Unavailable(source, reason));
    }

    void energy(String source, String what, double joules) {
        energy.add(new EnergyReading(source, what, joules));
    }

    void noEnergy(String source, String reason) {
        energyUnavailable.add(new Unavailable(source, reason));
    }

    Memory memory() {
        MemoryReading ram = first(RAM);
        MemoryReading vram = first(VRAM);
        MemoryReading kv = first(List.of(Sources.KV_CACHE));
        return new Memory(ram == null ? null : ram.atLoadBytes(), ram == null ? null : ram.peakBytes(),
                ram == null ? null : ram.source(), vram == null ? null : vram.atLoadBytes(),
                vram == null ? null : vram.peakBytes(), vram == null ? null : vram.source(),
                kv == null ? null : kv.peakBytes(), memory, memoryUnavailable);
    }

    Energy energy() {
        if (energy.isEmpty()) {
            return new Energy(null, null, energy, energyUnavailable);
        }
        double joules = energy.stream().mapToDouble(EnergyReading::joules).sum();
        String sources = String.join("+", energy.stream().map(EnergyReading::source).distinct().toList());
        return new Energy(joules, sources, energy, energyUnavailable);
    }

    private MemoryReading first(List<String> order) {
        for (String source : order) {
            for (MemoryReading r : memory) {
                if (r.source().equals(source) && (r.peakBytes() != null || r.atLoadBytes() != null)) {
                    return r;
                }
            }
        }
        return null;
    }
}
