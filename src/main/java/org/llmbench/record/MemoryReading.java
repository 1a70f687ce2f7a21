package org.llmbench.record;

/** One source's memory figures in a footprint ({@code source}: process_rss, ollama_ps, nvidia_smi_process...). */
public record MemoryReading(String source, String what, Long atLoadBytes, Long peakBytes) {
}
