package org.llmbench.merge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.llmbench.record.Manifest;
import org.llmbench.record.ManifestCodec;
import org.llmbench.record.RunFolders;

/** One shard's run folder as read: its manifest and the shard part the manifest names. */
record ShardFolder(Path folder, Manifest manifest, Manifest.ShardSection shard) {

    int index() {
        return shard.index();
    }

    int count() {
        return shard.count();
    }

    /** {@code i/n}, as the merged ledger marks the shard's lines. */
    String shardName() {
        return index() + "/" + count();
    }

    /** {@code i/n (folder)}, as problems name a shard. */
    String name() {
        return shardName() + " (" + folder + ")";
    }

    Path ledger() {
        return folder.resolve(RunFolders.LEDGER);
    }

    /** The hardware file the merged folder keeps of this shard's machine. */
    String hardwareFile() {
        return "hardware-shard-" + index() + "-of-" + count() + ".json";
    }

    /** Reads each folder; what is no shard folder is added to {@code problems}, naming the folder. */
    static List<ShardFolder> read(List<Path> folders, List<String> problems) {
        List<ShardFolder> parts = new ArrayList<>();
        if (folders.isEmpty()) {
            problems.add("no shard folder given");
        }
        for (Path folder : folders) {
            Path manifestFile = folder.resolve(RunFolders.MANIFEST);
            if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(folder.resolve(RunFolders.LEDGER))) {
                problems.add(folder + " is not a run folder (no manifest.json or run.jsonl)");
                continue;
            }
            Manifest manifest;
            try {
                manifest = ManifestCodec.read(manifestFile);
            } catch (IOException e) {
                problems.add(folder + "/manifest.json cannot be read: " + e.getMessage());
                continue;
            }
            if (manifest.shard() == null) {
                problems.add(folder + " is not a shard (its manifest has no shard: run it with bench.shard=i/n)");
                continue;
            }
            parts.add(new ShardFolder(folder, manifest, manifest.shard()));
        }
        return parts;
    }
}
