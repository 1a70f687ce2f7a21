package org.llmbench.record;

import java.util.List;

/**
 * A {@link RunEvent.Footprint}'s memory of the model: the headline figures (RAM, and VRAM where a GPU holds part
 * of it) are those of the reading named by {@code source}; null with the reasons in {@code unavailable} when
 * nothing could say.
 *
 * @param kvCacheBytes the KV cache the model's metadata and context size imply, when known
 */
public record Memory(Long atLoadBytes, Long peakBytes, String source, Long vramAtLoadBytes, Long vramPeakBytes,
                     String vramSource, Long kvCacheBytes, List<MemoryReading> readings,
                     List<Unavailable> unavailable) {
    public Memory {
        readings = List.copyOf(readings);
        unavailable = List.copyOf(unavailable);
    }
}
