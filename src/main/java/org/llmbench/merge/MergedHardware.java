package org.llmbench.merge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.llmbench.json.Json;
import org.llmbench.record.HardwareWriter;

/** Each shard's machine as its own file; hardware.json is the first's, with a note naming the others. */
final class MergedHardware {

    private MergedHardware() {
    }

    static void write(Path out, List<ShardFolder> parts) throws IOException {
        ObjectNode firstHardware = null;
        for (ShardFolder p : parts) {
            Path file = p.folder().resolve(HardwareWriter.FILE);
            if (Files.isRegularFile(file)) {
                Files.copy(file, out.resolve(p.hardwareFile()));
                if (firstHardware == null && Json.MAPPER.readTree(file.toFile()) instanceof ObjectNode read) {
                    firstHardware = read;
                }
            }
        }
        if (firstHardware != null) {
            String others = String.join(", ", parts.stream().map(ShardFolder::hardwareFile).toList());
            String notes = firstHardware.path(HardwareWriter.NOTES).asText("");
            firstHardware.put(HardwareWriter.NOTES, (notes.isEmpty() ? "" : notes + " ") + "Merged run of " + parts.size()
                    + " shards: this is shard " + parts.get(0).index() + "'s machine; each machine is in " + others + ".");
            Json.PRETTY.writeValue(out.resolve(HardwareWriter.FILE).toFile(), firstHardware);
        }
    }
}
