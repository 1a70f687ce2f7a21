package org.llmbench.report;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.llmbench.record.Energy;
import org.llmbench.record.Memory;
import org.llmbench.record.RunEvent;
import org.llmbench.record.RunEvent.Footprint;

/**
 * Each model's memory and energy as the reports show them, from the ledger's {@code footprint} events (one per model
 * and process: the highest memory, the first load, the energy of every process added up) and the completion tokens of
 * the model's calls, with the per-question, per-token and per-correct-answer figures from the scores' counts. The one
 * place these are derived: results.json, metadata.json, the console and report.html take them from here.
 */
final class Footprints {

    private final Map<String, List<Footprint>> byModel = new LinkedHashMap<>();
    private final Map<String, Long> completionTokens = new LinkedHashMap<>();

    /** Hears every event of a ledger, in the summary's pass over it. */
    void add(RunEvent event) {
        if (event instanceof Footprint f) {
            byModel.computeIfAbsent(f.model(), k -> new ArrayList<>()).add(f);
        } else if (event instanceof RunEvent.Call call && call.completionTokens() != null) {
            completionTokens.merge(call.ref().model(), (long) call.completionTokens(), Long::sum);
        }
    }

    boolean isEmpty() {
        return byModel.isEmpty();
    }

    /** The models that have a footprint, in the order the run ended them. */
    List<String> models() {
        return List.copyOf(byModel.keySet());
    }

    /** One model's figures, given how many of its questions were scored and passed; null when it has no footprint. */
    ModelFootprint of(String model, int scored, int passed) {
        List<Footprint> all = byModel.get(model);
        if (all == null) {
            return null;
        }
        Long atLoad = null;
        Long peak = null;
        Long vramPeak = null;
        Long kv = null;
        String source = null;
        String vramSource = null;
        double joules = 0;
        boolean energyKnown = true;
        List<String> memoryReasons = new ArrayList<>();
        List<String> energyReasons = new ArrayList<>();
        List<String> energySources = new ArrayList<>();
        for (Footprint f : all) {
            Memory m = f.memory();
            if (m.peakBytes() != null && (peak == null || m.peakBytes() > peak)) {
                peak = m.peakBytes();
            }
            atLoad = atLoad == null ? m.atLoadBytes() : atLoad;
            source = source == null ? m.source() : source;
            if (m.vramPeakBytes() != null && (vramPeak == null || m.vramPeakBytes() > vramPeak)) {
                vramPeak = m.vramPeakBytes();
                vramSource = m.vramSource();
            }
            kv = kv == null ? m.kvCacheBytes() : kv;
            m.unavailable().forEach(u -> memoryReasons.add(u.source() + ": " + u.reason()));
            Energy e = f.energy();
            if (e.joules() == null) {
                energyKnown = false;
                e.unavailable().forEach(u -> energyReasons.add(u.source() + ": " + u.reason()));
            } else {
                joules += e.joules();
                energySources.add(e.source());
            }
        }
        Double energy = energyKnown ? joules : null;
        long tokens = completionTokens.getOrDefault(model, 0L);
        return new ModelFootprint(atLoad, peak, source, vramPeak, vramSource, kv,
                peak == null ? distinct(memoryReasons) : null, energy,
                energy == null ? null : String.join("+", energySources.stream().distinct().toList()),
                energy == null ? distinct(energyReasons) : null,
                per(energy, scored), energy == null || energy == 0 || tokens == 0 ? null : tokens / energy, per(energy, passed));
    }

    private static Double per(Double joules, int count) {
        return joules == null || count == 0 ? null : joules / count;
    }

    private static String distinct(List<String> reasons) {
        return reasons.isEmpty() ? "no source recorded a figure" : reasons.stream().distinct().collect(Collectors.joining("; "));
    }

    /**
     * One model's footprint as results.json ({@code models[].footprint}) and metadata.json ({@code models.M.footprint})
     * write it: memory in bytes, energy in joules, each with its source, or null with why ({@code *_unavailable}).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ModelFootprint(Long memoryAtLoadBytes, Long memoryPeakBytes, String memorySource, Long vramPeakBytes,
                          String vramSource, Long kvCacheBytes, String memoryUnavailable, Double energyJoules,
                          String energySource, String energyUnavailable, Double joulesPerQuestion, Double tokensPerJoule,
                          Double joulesPerCorrect) {

        /** The console's few words: "memory 12.3 MiB at load, 14.0 MiB peak (process_rss); energy 5.1 J (rapl), 0.4 J/correct". */
        String line() {
            String memory = memoryPeakBytes == null ? "memory not measured" : "memory " + mib(memoryAtLoadBytes) + " at load, "
                    + mib(memoryPeakBytes) + " peak (" + memorySource + ")";
            String energy = energyJoules == null ? "energy not measured (" + firstReason(energyUnavailable) + ")"
                    : String.format(Locale.ROOT, "energy %.1f J (%s)%s", energyJoules, energySource,
                            joulesPerCorrect == null ? "" : String.format(Locale.ROOT, ", %.2f J/correct", joulesPerCorrect));
            return memory + "; " + energy;
        }

        static String mib(Long bytes) {
            return bytes == null ? "?" : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }

        /** The first reason without its explanation ("rapl: no RAPL counter"): the files give it whole. */
        private static String firstReason(String reasons) {
            if (reasons == null) {
                return "";
            }
            String first = reasons.split(";", 2)[0];
            int detail = first.indexOf(" (");
            return detail < 0 ? first : first.substring(0, detail);
        }
    }
}
