package org.llmbench.record;

/** One counter's or meter's energy over a footprint's window ({@code source}: rapl, nvidia_smi, powermetrics). */
public record EnergyReading(String source, String what, double joules) {
}
