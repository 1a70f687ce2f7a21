package org.llmbench.record;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.llmbench.record.RunEvent.Footprint;

/**
 * The fields of a {@code footprint} line (see {@link RecordCodec}): the model, its window, then {@code memory} and
 * {@code energy} objects. A figure nobody could measure is left out (never written as 0), its reason is in the
 * object's {@code unavailable} list.
 */
final class FootprintCodec {

    private static final String SOURCE = "source";
    private static final String WHAT = "what";
    private static final String AT_LOAD = "at_load_bytes";
    private static final String PEAK = "peak_bytes";
    private static final String UNAVAILABLE = "unavailable";
    private static final String READINGS = "readings";

    private FootprintCodec() {
    }

    static void write(ObjectNode o, Footprint f) {
        o.put("model", f.model());
        o.put("window_ms", f.windowMs());
        o.put("samples", f.samples());
        o.put("period_ms", f.periodMs());
        o.set("memory", memory(f.memory()));
        o.set("energy", energy(f.energy()));
    }

    /** A footprint's fields without the line's stamp, as the manifest lists them. */
    static ObjectNode fields(Footprint f) {
        ObjectNode o = RecordCodec.emptyObject();
        write(o, f);
        return o;
    }

    /** The memory object as the ledger (and results.json, metadata.json and the manifest) hold it. */
    static ObjectNode memory(Memory m) {
        ObjectNode o = RecordCodec.emptyObject();
        putLong(o, AT_LOAD, m.atLoadBytes());
        putLong(o, PEAK, m.peakBytes());
        putText(o, SOURCE, m.source());
        putLong(o, "vram_at_load_bytes", m.vramAtLoadBytes());
        putLong(o, "vram_peak_bytes", m.vramPeakBytes());
        putText(o, "vram_source", m.vramSource());
        putLong(o, "kv_cache_bytes", m.kvCacheBytes());
        ArrayNode readings = o.putArray(READINGS);
        for (MemoryReading r : m.readings()) {
            ObjectNode e = readings.addObject().put(SOURCE, r.source()).put(WHAT, r.what());
            putLong(e, AT_LOAD, r.atLoadBytes());
            putLong(e, PEAK, r.peakBytes());
        }
        unavailable(o, m.unavailable());
        return o;
    }

    /** The energy object as the ledger holds it. */
    static ObjectNode energy(Energy e) {
        ObjectNode o = RecordCodec.emptyObject();
        if (e.joules() != null) {
            o.put("joules", e.joules());
        }
        putText(o, SOURCE, e.source());
        ArrayNode readings = o.putArray(READINGS);
        e.readings().forEach(r -> readings.addObject().put(SOURCE, r.source()).put(WHAT, r.what()).put("joules", r.joules()));
        unavailable(o, e.unavailable());
        return o;
    }

    static Footprint read(Stamp none, Fields f) {
        String model = f.text("model");
        long window = f.longValue("window_ms");
        int samples = f.intValue("samples");
        long period = f.longValue("period_ms");
        Fields m = f.nested("memory");
        Memory memory = new Memory(m.optLong(AT_LOAD), m.optLong(PEAK), m.optText(SOURCE),
                m.optLong("vram_at_load_bytes"), m.optLong("vram_peak_bytes"), m.optText("vram_source"),
                m.optLong("kv_cache_bytes"), m.list(READINGS, Fields.objects(r -> new MemoryReading(
                        r.text(SOURCE), r.text(WHAT), r.optLong(AT_LOAD), r.optLong(PEAK)))), unavailable(m));
        Fields e = f.nested("energy");
        Energy energy = new Energy(e.optDouble("joules"), e.optText(SOURCE),
                e.list(READINGS, Fields.objects(r -> new EnergyReading(r.text(SOURCE), r.text(WHAT),
                        r.doubleValue("joules")))), unavailable(e));
        return new Footprint(none, model, window, samples, period, memory, energy);
    }

    private static List<Unavailable> unavailable(Fields f) {
        return f.list(UNAVAILABLE, Fields.objects(u -> new Unavailable(u.text(SOURCE), u.text("reason"))));
    }

    private static void unavailable(ObjectNode o, List<Unavailable> list) {
        ArrayNode array = o.putArray(UNAVAILABLE);
        list.forEach(u -> array.addObject().put(SOURCE, u.source()).put("reason", u.reason()));
    }

    private static void putLong(ObjectNode o, String name, Long value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static void putText(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }
}
