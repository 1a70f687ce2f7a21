package org.llmbench.merge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.llmbench.json.Json;
import org.llmbench.record.Manifest;
import org.llmbench.record.ManifestCodec;
import org.llmbench.record.RunEvent;
import org.llmbench.record.RunFolders;

/**
 * The merged run's manifest.json: the first shard's, with the whole run's id, plan and first start, no shard part,
 * and {@code merged}: each shard's run id, start, host, target URL and hardware file; every shard's phase figures
 * (each marked with its shard) and every model's details.
 */
final class MergedManifest {

    /** The field a merged manifest's phase figures carry to say which shard measured them. */

    private MergedManifest() {
    }

    static void write(Path out, List<ShardFolder> parts, String runId, long tests) throws IOException {
        ShardFolder first = parts.get(0);
        List<Manifest.MergedShard> shards = new ArrayList<>();
        List<RunEvent.PhaseFigures> figures = new ArrayList<>();
        ObjectNode details = Json.MAPPER.createObjectNode();
        for (ShardFolder p : parts) {
            Manifest m = p.manifest();
            shards.add(new Manifest.MergedShard(p.shardName(), m.runId(), m.startedAt(),
                    m.testsPlanned() == null ? 0 : m.testsPlanned(), p.shard().units().size(), m.targetUrl(), m.host(),
                    p.hardwareFile()));
            if (m.phaseFigures() != null) {
                m.phaseFigures().forEach(f -> figures.add(ManifestCodec.fromShard(f, p.shardName())));
            }
            if (m.modelDetails() != null && m.modelDetails().isObject()) {
                details.setAll((ObjectNode) m.modelDetails());
            }
        }
        long atRunTime = parts.stream().map(p -> p.manifest().testsAddedAtRunTime()).filter(Objects::nonNull)
                .mapToLong(Long::longValue).sum();
        Instant started = parts.stream().map(p -> p.manifest().startedAt()).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        Manifest.Merged merged = new Manifest.Merged(first.shard().runGroup(), first.shard().configHash(), Instant.now(),
                first.shard().runUnitsPlanned(), shards);
        Manifest manifest = first.manifest().with(b -> b.merged(runId, tests, atRunTime, started, merged)
                .endOfRun(figures.isEmpty() ? null : figures, details.isEmpty() ? null : details));
        ManifestCodec.write(out.resolve(RunFolders.MANIFEST), manifest);
    }
}
