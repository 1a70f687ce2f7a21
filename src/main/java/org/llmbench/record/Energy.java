package org.llmbench.record;

import java.util.List;

/**
 * The energy the machine used in a {@link RunEvent.Footprint}'s window: {@code joules} adds up the readings (CPU
 * package, DRAM, GPU); null, never zero, when nothing could be measured, and {@code unavailable} says why.
 */
public record Energy(Double joules, String source, List<EnergyReading> readings, List<Unavailable> unavailable) {
    public Energy {
        readings = List.copyOf(readings);
        unavailable = List.copyOf(unavailable);
    }
}
