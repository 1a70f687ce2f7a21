package org.llmbench.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.llmbench.json.Json;
import org.llmbench.record.RecordCodec;
import org.llmbench.record.RunEvent;
import org.llmbench.record.Stamp;

/**
 * An event's own fields, as its ledger line holds them after the stamp every line begins with (format version,
 * event, time, run). Which fields the stamp writes is asked of the codec, never named here: the record alone
 * knows the ledger's field names.
 */
final class EventFields {

    /** The fields of a line that carries nothing but its stamp. */
    private static final List<String> STAMP = stampFields();

    private EventFields() {
    }

    static ObjectNode of(RunEvent event) {
        ObjectNode line = RecordCodec.toTree(event);
        line.remove(STAMP);
        return line;
    }

    private static List<String> stampFields() {
        ObjectNode bare = RecordCodec.toTree(new RunEvent.Unknown(Stamp.now("run"), "stamp", Json.MAPPER.createObjectNode()));
        List<String> names = new ArrayList<>();
        bare.fieldNames().forEachRemaining(names::add);
        return List.copyOf(names);
    }
}
